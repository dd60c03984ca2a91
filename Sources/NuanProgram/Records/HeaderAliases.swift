/// The further names a record-contract field goes by in union offices' Excel sheets and system
/// exports (spec "Encodings", Headers), besides its English key and Chinese label. One table,
/// here, read by CSV headers and JSON keys alike; a rules file's own fields have no aliases.
///
/// Only names that mean exactly the field are listed. Near names that mean something else stay
/// out on purpose: 家庭月人均收入 is per capita (not 家庭月收入), 序号 is a row number (not
/// 申请编号), 困难类别 is not always 建档类型. A misspelling (家庭人数, 家庭收入) is not an alias
/// either: the header check asks "did you mean" instead of guessing.
package enum HeaderAliases {
    /// Contract key → further names (beyond the key and label, which every program declares).
    package static let table: [(key: String, names: [String])] = [
        ("name", ["职工姓名", "申请人姓名"]),
        ("id_number", ["身份证号码", "公民身份号码", "证件号码", "身份证", "id_no", "id_card"]),
        ("employer", ["单位", "单位名称", "所在单位"]),
        ("phone", ["手机号码", "手机号", "联系方式", "电话", "电话号码"]),
        ("region", ["地区", "所在地区"]),
        ("application_date", ["申请时间"]),
        ("household_size", ["家庭人口数", "家庭成员人数"]),
        ("household_monthly_income", ["家庭月总收入", "家庭月平均收入"]),
        ("rigid_monthly_expenses", ["月刚性支出", "刚性支出"]),
        ("receives_dibao", ["是否享受低保"]),
        ("hardship_causes", ["困难原因"]),
        ("archive_level", ["建档级别"]),
        ("groups", ["人员类型"]),
    ]

    /// The names of `key` in the table (empty for a key it does not list).
    package static func names(of key: String) -> [String] {
        table.first { $0.key == key }?.names ?? []
    }

    /// The form in which a header (or JSON key) is compared with the known names: spaces at
    /// either end trimmed, a required-column mark (`*` or `＊`, as Excel templates write it) at
    /// either end dropped, ASCII letters in lower case, and spaces and `-` inside an English
    /// name read as `_` — so `ID_NUMBER`, `id number` and `Id-Number` are all `id_number`.
    /// Chinese text is compared as written.
    package static func normalised(_ name: String) -> String {
        var s = Substring(name.trimmingSpaces)
        while let c = s.first, c == "*" || c == "＊" { s.removeFirst() }
        while let c = s.last, c == "*" || c == "＊" { s.removeLast() }
        s = Substring(String(s).trimmingSpaces)
        var out = ""
        out.unicodeScalars.reserveCapacity(s.unicodeScalars.count)
        for u in s.unicodeScalars {
            switch u {
            case "A"..."Z": out.unicodeScalars.append(Unicode.Scalar(u.value + 32)!)
            case " ", "-": out.unicodeScalars.append("_")
            default: out.unicodeScalars.append(u)
            }
        }
        return out
    }

    /// Whether `name` names the record's id (`id`, `申请编号`, in any spelling `normalised` reads).
    package static func isIDName(_ name: String) -> Bool {
        let n = normalised(name)
        return n == "id" || n == "申请编号"
    }
}
