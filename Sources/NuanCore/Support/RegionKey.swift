/// How a region as a record (or `--set 低保标准[…]`) writes it finds its row in a table keyed
/// by 所属地区 (the record contract: the city name 蚌埠市, its everyday short form 蚌埠, the
/// city's 6-digit division code 340300, or the code of any district or county in it, 340302 →
/// 340300's row unless the table has a row of its own for the district).
public enum RegionKey {
    /// The keys to try, most specific first.
    public static func candidates(_ region: String) -> [String] {
        var out = [region]
        let scalars = Array(region.unicodeScalars)
        if scalars.count == 6 && scalars.allSatisfy({ $0.properties.numericType == .decimal && $0.isASCII }) {
            // A district or county code: its prefecture-level city is the first four digits + 00.
            if !region.hasSuffix("00") { out.append(String(region.prefix(4)) + "00") }
        } else if !region.isEmpty {
            if region.hasSuffix("市") { out.append(String(region.dropLast())) } else { out.append(region + "市") }
        }
        return out
    }

    /// The first candidate of `region` that `has` a row.
    public static func resolve(_ region: String, in has: (String) -> Bool) -> String? {
        candidates(region).first(where: has)
    }
}
