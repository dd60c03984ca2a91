/// Administrative divisions (GB/T 2260 six-digit codes) that the record's 所属地区 may name:
/// every province, the prefecture-level cities of the provinces whose notices ship in
/// `Rules/`, and the districts and counties of the five cities those notices are about.
///
/// It answers two questions the rules need: which 低保 row a record's region reaches (a
/// short form or a district code reaches its city's row, unless the table has a row of its
/// own — `shared/spec/applicant-record.md`), and whether a region lies within a file's 辖区.
/// A place it does not know is *unknown*, never guessed: bare district names (城中区,
/// 市中区 …) repeat across cities and are only read with their city in front.
public enum Gazetteer {
    /// One division: its code, full name, and the names it is also written as.
    public struct Division: Sendable {
        public let code: String
        public let name: String
        public let aliases: [String]
    }

    /// The six-digit code `text` names, or nil when the text is no division this table knows
    /// (a six-digit code is always accepted as itself).
    public static func code(of text: String) -> String? {
        let t = trimmed(text)
        if isCode(t) { return t }
        return byName[t]
    }

    /// The prefecture-level city a district or county code lies in (`340302` → `340300`);
    /// a city or province code is returned as it is.
    public static func cityCode(of code: String) -> String {
        guard isCode(code), !code.hasSuffix("00") else { return code }
        return String(code.prefix(4)) + "00"
    }

    /// The province a code lies in (`340302` → `340000`).
    public static func provinceCode(of code: String) -> String {
        isCode(code) ? String(code.prefix(2)) + "0000" : code
    }

    /// Whether `code` lies within the division `scope` (a province contains its cities, a
    /// city its districts and counties; a code contains itself).
    public static func contains(_ scope: String, _ code: String) -> Bool {
        guard isCode(scope), isCode(code) else { return false }
        if scope == code { return true }
        if scope.hasSuffix("0000") { return code.hasPrefix(scope.prefix(2)) }
        if scope.hasSuffix("00") { return code.hasPrefix(scope.prefix(4)) }
        return false
    }

    static func isCode(_ t: String) -> Bool {
        t.utf8.count == 6 && t.utf8.allSatisfy { $0 >= 48 && $0 <= 57 }
    }

    static func trimmed(_ s: String) -> String {
        var t = Substring(s)
        while let f = t.first, f.isWhitespace { t.removeFirst() }
        while let l = t.last, l.isWhitespace { t.removeLast() }
        return String(t)
    }

    /// Names and aliases to codes. A name two divisions share maps to neither.
    static let byName: [String: String] = {
        var m: [String: String] = [:]
        var clash: Set<String> = []
        for d in all {
            for n in [d.name] + d.aliases {
                if let other = m[n], other != d.code { clash.insert(n) }
                m[n] = d.code
            }
        }
        for n in clash { m[n] = nil }
        return m
    }()

    static func div(_ code: String, _ name: String, _ aliases: String...) -> Division {
        Division(code: code, name: name, aliases: aliases)
    }

    /// Provinces, with their everyday short forms.
    static let provinces: [Division] = [
        div("110000", "北京市", "北京"), div("120000", "天津市", "天津"), div("130000", "河北省", "河北"),
        div("140000", "山西省", "山西"), div("150000", "内蒙古自治区", "内蒙古"), div("210000", "辽宁省", "辽宁"),
        div("220000", "吉林省", "吉林"), div("230000", "黑龙江省", "黑龙江"), div("310000", "上海市", "上海"),
        div("320000", "江苏省", "江苏"), div("330000", "浙江省", "浙江"), div("340000", "安徽省", "安徽"),
        div("350000", "福建省", "福建"), div("360000", "江西省", "江西"), div("370000", "山东省", "山东"),
        div("410000", "河南省", "河南"), div("420000", "湖北省", "湖北"), div("430000", "湖南省", "湖南"),
        div("440000", "广东省", "广东"), div("450000", "广西壮族自治区", "广西"), div("460000", "海南省", "海南"),
        div("500000", "重庆市", "重庆"), div("510000", "四川省", "四川"), div("520000", "贵州省", "贵州"),
        div("530000", "云南省", "云南"), div("540000", "西藏自治区", "西藏"), div("610000", "陕西省", "陕西"),
        div("620000", "甘肃省", "甘肃"), div("630000", "青海省", "青海"), div("640000", "宁夏回族自治区", "宁夏"),
        div("650000", "新疆维吾尔自治区", "新疆"),
    ]

    /// Prefecture-level cities of 安徽, 黑龙江, 青海, 广西 and 四川.
    static let cities: [Division] = [
        // 安徽
        div("340100", "合肥市", "合肥"), div("340200", "芜湖市", "芜湖"), div("340300", "蚌埠市", "蚌埠"),
        div("340400", "淮南市", "淮南"), div("340500", "马鞍山市", "马鞍山"), div("340600", "淮北市", "淮北"),
        div("340700", "铜陵市", "铜陵"), div("340800", "安庆市", "安庆"), div("341000", "黄山市"),
        div("341100", "滁州市", "滁州"), div("341200", "阜阳市", "阜阳"), div("341300", "宿州市", "宿州"),
        div("341500", "六安市", "六安"), div("341600", "亳州市", "亳州"), div("341700", "池州市", "池州"),
        div("341800", "宣城市", "宣城"),
        // 黑龙江
        div("230100", "哈尔滨市", "哈尔滨"), div("230200", "齐齐哈尔市", "齐齐哈尔"), div("230300", "鸡西市", "鸡西"),
        div("230400", "鹤岗市", "鹤岗"), div("230500", "双鸭山市", "双鸭山"), div("230600", "大庆市", "大庆"),
        div("230700", "伊春市", "伊春"), div("230800", "佳木斯市", "佳木斯"), div("230900", "七台河市", "七台河"),
        div("231000", "牡丹江市", "牡丹江"), div("231100", "黑河市", "黑河"), div("231200", "绥化市", "绥化"),
        div("232700", "大兴安岭地区", "大兴安岭"),
        // 青海
        div("630100", "西宁市", "西宁"), div("630200", "海东市", "海东"), div("632200", "海北藏族自治州", "海北州"),
        div("632300", "黄南藏族自治州", "黄南州"), div("632500", "海南藏族自治州", "海南州"),
        div("632600", "果洛藏族自治州", "果洛州"), div("632700", "玉树藏族自治州", "玉树州"),
        div("632800", "海西蒙古族藏族自治州", "海西州"),
        // 广西
        div("450100", "南宁市", "南宁"), div("450200", "柳州市", "柳州"), div("450300", "桂林市", "桂林"),
        div("450400", "梧州市", "梧州"), div("450500", "北海市", "北海"), div("450600", "防城港市", "防城港"),
        div("450700", "钦州市", "钦州"), div("450800", "贵港市", "贵港"), div("450900", "玉林市", "玉林"),
        div("451000", "百色市", "百色"), div("451100", "贺州市", "贺州"), div("451200", "河池市", "河池"),
        div("451300", "来宾市", "来宾"), div("451400", "崇左市", "崇左"),
        // 四川
        div("510100", "成都市", "成都"), div("510300", "自贡市", "自贡"), div("510400", "攀枝花市", "攀枝花"),
        div("510500", "泸州市", "泸州"), div("510600", "德阳市", "德阳"), div("510700", "绵阳市", "绵阳"),
        div("510800", "广元市", "广元"), div("510900", "遂宁市", "遂宁"), div("511000", "内江市", "内江"),
        div("511100", "乐山市", "乐山"), div("511300", "南充市", "南充"), div("511400", "眉山市", "眉山"),
        div("511500", "宜宾市", "宜宾"), div("511600", "广安市", "广安"), div("511700", "达州市", "达州"),
        div("511800", "雅安市", "雅安"), div("511900", "巴中市", "巴中"), div("512000", "资阳市", "资阳"),
        div("513200", "阿坝藏族羌族自治州", "阿坝州"), div("513300", "甘孜藏族自治州", "甘孜州"),
        div("513400", "凉山彝族自治州", "凉山州"),
    ]

    /// Districts and counties of the five cities the shipped notices are about. A district
    /// is written with its city in front (蚌埠市龙子湖区); a county or county-level city may
    /// also stand alone.
    static let districts: [Division] = [
        // 蚌埠市
        div("340302", "龙子湖区", "蚌埠市龙子湖区", "蚌埠龙子湖区"), div("340303", "蚌山区", "蚌埠市蚌山区", "蚌埠蚌山区"),
        div("340304", "禹会区", "蚌埠市禹会区", "蚌埠禹会区"), div("340311", "淮上区", "蚌埠市淮上区", "蚌埠淮上区"),
        div("340321", "怀远县", "蚌埠市怀远县"), div("340322", "五河县", "蚌埠市五河县"), div("340323", "固镇县", "蚌埠市固镇县"),
        // 哈尔滨市
        div("230102", "道里区", "哈尔滨市道里区", "哈尔滨道里区"), div("230103", "南岗区", "哈尔滨市南岗区", "哈尔滨南岗区"),
        div("230104", "道外区", "哈尔滨市道外区", "哈尔滨道外区"), div("230108", "平房区", "哈尔滨市平房区", "哈尔滨平房区"),
        div("230109", "松北区", "哈尔滨市松北区", "哈尔滨松北区"), div("230110", "香坊区", "哈尔滨市香坊区", "哈尔滨香坊区"),
        div("230111", "呼兰区", "哈尔滨市呼兰区", "哈尔滨呼兰区"), div("230112", "阿城区", "哈尔滨市阿城区", "哈尔滨阿城区"),
        div("230113", "双城区", "哈尔滨市双城区", "哈尔滨双城区"),
        div("230123", "依兰县", "哈尔滨市依兰县"), div("230124", "方正县", "哈尔滨市方正县"), div("230125", "宾县", "哈尔滨市宾县"),
        div("230126", "巴彦县", "哈尔滨市巴彦县"), div("230127", "木兰县", "哈尔滨市木兰县"), div("230128", "通河县", "哈尔滨市通河县"),
        div("230129", "延寿县", "哈尔滨市延寿县"), div("230183", "尚志市", "哈尔滨市尚志市"), div("230184", "五常市", "哈尔滨市五常市"),
        // 西宁市
        div("630102", "城东区", "西宁市城东区", "西宁城东区"), div("630103", "城中区", "西宁市城中区", "西宁城中区"),
        div("630104", "城西区", "西宁市城西区", "西宁城西区"), div("630105", "城北区", "西宁市城北区", "西宁城北区"),
        div("630106", "湟中区", "西宁市湟中区", "西宁湟中区"), div("630121", "大通回族土族自治县", "大通县", "西宁市大通县"),
        div("630123", "湟源县", "西宁市湟源县"),
        // 梧州市
        div("450403", "万秀区", "梧州市万秀区", "梧州万秀区"), div("450405", "长洲区", "梧州市长洲区", "梧州长洲区"),
        div("450406", "龙圩区", "梧州市龙圩区", "梧州龙圩区"), div("450421", "苍梧县", "梧州市苍梧县"),
        div("450422", "藤县", "梧州市藤县"), div("450423", "蒙山县", "梧州市蒙山县"), div("450481", "岑溪市", "梧州市岑溪市"),
        // 乐山市
        div("511102", "市中区", "乐山市市中区", "乐山市中区"), div("511111", "沙湾区", "乐山市沙湾区", "乐山沙湾区"),
        div("511112", "五通桥区", "乐山市五通桥区", "乐山五通桥区"), div("511113", "金口河区", "乐山市金口河区", "乐山金口河区"),
        div("511123", "犍为县", "乐山市犍为县"), div("511124", "井研县", "乐山市井研县"), div("511126", "夹江县", "乐山市夹江县"),
        div("511129", "沐川县", "乐山市沐川县"), div("511132", "峨边彝族自治县", "峨边县", "乐山市峨边县"),
        div("511133", "马边彝族自治县", "马边县", "乐山市马边县"), div("511181", "峨眉山市", "乐山市峨眉山市"),
    ]

    /// Bare district names (ending in 区) repeat across cities: only their city-prefixed
    /// aliases are read as names.
    package static let all: [Division] = provinces + cities + districts.map { d in
        d.name.hasSuffix("区") ? Division(code: d.code, name: d.aliases.first ?? d.name, aliases: Array(d.aliases.dropFirst()))
                              : d
    }
}

extension Gazetteer {
    /// A table keyed by region, widened so that every name and code of a known division
    /// reaches the row of the most specific division that has rows of its own: the
    /// division itself, else its city, else its province. Keys the table states keep
    /// their rows. (`shared/spec/applicant-record.md`: 340302 → 蚌埠市's row, unless the
    /// table has a row of its own for it.)
    public static func widenRegionIndex(_ explicit: [String: [Int]]) -> [String: [Int]] {
        var byCode: [String: [Int]] = [:]
        for (key, rows) in explicit {
            if let c = code(of: key), byCode[c] == nil { byCode[c] = rows }
        }
        guard !byCode.isEmpty else { return explicit }
        var out = explicit
        for d in all {
            let candidates = [d.code, cityCode(of: d.code), provinceCode(of: d.code)]
            guard let rows = candidates.lazy.compactMap({ byCode[$0] }).first else { continue }
            for k in [d.code, d.name] + d.aliases where out[k] == nil { out[k] = rows }
        }
        return out
    }

    /// Keys to try, in order, for a region text that no key of a widened index matches: a
    /// six-digit code outside this table reaches its city's, then its province's row.
    public static func fallbackKeys(_ text: String) -> [String] {
        let t = trimmed(text)
        guard isCode(t) else { return t == text ? [] : [t] }
        let city = cityCode(of: t), province = provinceCode(of: t)
        return [t, city, province].filter { $0 != text }
    }
}
