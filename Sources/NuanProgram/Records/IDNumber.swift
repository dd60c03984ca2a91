import NuanSupport
import NuanSyntax
/// GB 11643-1999 citizen ID numbers: 17 digits and a check character.
public enum IDNumber {
    static let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    static let checks = Array("10X98765432")

    /// nil when valid, else the reason in a caseworker's words.
    public static func problem(_ s: String) -> String? {
        let c = Array(s.uppercased())
        if c.count == 15 && c.allSatisfy(\.isASCII) && c.allSatisfy(\.isNumber) {
            return "15 位旧身份证号不予推算，请填写 18 位号码"
        }
        guard c.count == 18 else { return "身份证号应为 18 位，实际 \(c.count) 位" }
        var sum = 0
        for k in 0..<17 {
            guard let d = c[k].wholeNumberValue, c[k].isASCII else { return "身份证号前 17 位应全为数字" }
            sum += d * weights[k]
        }
        let expected = checks[sum % 11]
        if c[17] != expected { return "身份证号校验位错误（按 GB 11643 应为 \(expected)）" }
        let birth = String(c[6..<10]) + "-" + String(c[10..<12]) + "-" + String(c[12..<14])
        if CivilDate.parse(birth) == nil { return "身份证号中的出生日期 \(birth) 不存在" }
        return nil
    }
}
