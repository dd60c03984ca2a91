import Foundation
import NuanSupport
import NuanSyntax
import NuanProgram
import NuanExplain
import NuanTools

/// The assertions applied to what a command wrote.
enum FuzzChecks {
    /// Personal numbers from the case's inputs found in `text` (nil: none).
    /// An occurrence that is the whole part of a decimal amount (`13800000000.00`) is money
    /// the engine computed or echoed as money, not a number of a person (README, privacy).
    static func leaked(_ text: String, _ secrets: Set<String>) -> String? {
        for s in secrets.sorted() where text.contains(s) {
            let parts = text.components(separatedBy: s)
            for k in 1..<parts.count {
                let after = parts[k].unicodeScalars
                let amount = after.first == "." && after.dropFirst().first.map { ("0"..."9").contains($0) } == true
                if amount { continue }
                let around = parts[..<k].joined(separator: s).suffix(60)
                return "“\(s)” shown in full after “\(escape(String(around)))”"
            }
        }
        return nil
    }

    /// The first raw control character in text output (nil: none). Tab and line feed are text.
    static func rawControl(_ text: String) -> String? {
        for (i, u) in text.unicodeScalars.enumerated() {
            let v = u.value
            if (v < 0x20 && v != 0x0A && v != 0x09) || (v >= 0x7F && v < 0xA0) {
                let before = String(String.UnicodeScalarView(text.unicodeScalars.prefix(i).suffix(40)))
                return String(format: "U+%04X", v) + " after “\(escape(before))”"
            }
        }
        return nil
    }

    /// A CSV output cell Excel would run as a formula (nil: none).
    static func formulaCell(_ csv: String) -> String? {
        for row in CSVText.parse(csv) {
            for cell in row {
                guard let f = cell.unicodeScalars.first else { continue }
                let second = cell.unicodeScalars.dropFirst().first
                let risky = f == "=" || f == "+" || f == "@" ||
                    (f == "-" && !(second.map { ("0"..."9").contains($0) } ?? true))
                if risky { return "cell “\(escape(String(cell.prefix(60))))”" }
            }
        }
        return nil
    }

    /// JSON Lines output: (decisions, the first line that is not a decision object).
    static func jsonLines(_ text: String) -> (count: Int, bad: String?) {
        var n = 0
        var bad: String?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) where !line.isEmpty {
            n += 1
            if bad == nil {
                let obj = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
                if obj?["status"] == nil { bad = "line \(n): " + escape(String(line.prefix(120))) }
            }
        }
        return (n, bad)
    }

    static func escape(_ s: String) -> String {
        var out = ""
        for u in s.unicodeScalars {
            if u.value < 0x20 || (u.value >= 0x7F && u.value < 0xA0) { out += String(format: "\\u{%X}", u.value) } else { out.unicodeScalars.append(u) }
        }
        return out
    }

    /// What a decision says that formatting must keep (`FormatInvariant`).
    static func signature(_ d: Decision, _ p: CheckedProgram) -> String { FormatInvariant.signature(d, p) }
}
