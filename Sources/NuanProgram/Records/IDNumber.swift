import NuanSupport
import NuanSyntax
/// GB 11643-1999 citizen ID numbers: 17 digits and a check character.
public enum IDNumber {
    static let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    static let checks = Array("10X98765432")

    /// nil when valid, else the reason in a caseworker's words.
    public static func problem(_ s: String, language: Language = .chinese) -> String? {
        check(s)?.text(language)
    }

    static func check(_ s: String) -> Message? {
        let c = Array(s.uppercased())
        if c.count == 15 && c.allSatisfy(\.isASCII) && c.allSatisfy(\.isNumber) {
            return RecordMessage.idOld15
        }
        guard c.count == 18 else { return RecordMessage.idLength(c.count) }
        var sum = 0
        for k in 0..<17 {
            guard let d = c[k].wholeNumberValue, c[k].isASCII else { return RecordMessage.idDigits }
            sum += d * weights[k]
        }
        let expected = checks[sum % 11]
        if c[17] != expected { return RecordMessage.idCheck(expected) }
        let birth = String(c[6..<10]) + "-" + String(c[10..<12]) + "-" + String(c[12..<14])
        if CivilDate.parse(birth) == nil { return RecordMessage.idBirth(birth) }
        return nil
    }
}
