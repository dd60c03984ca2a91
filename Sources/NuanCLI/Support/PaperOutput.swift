import Foundation
import NuanSupport
import NuanTools

/// Writing the files of `allocate`, `roster` and `audit`: whole file or none (a temporary file
/// renamed into place), `-` for standard output.
enum PaperOutput {
    static func write(_ bytes: [UInt8], to path: String, io: IO, english: Bool) -> Bool {
        if path == "-" { io.out(String(decoding: bytes, as: UTF8.self)); return true }
        do {
            try Data(bytes).write(to: URL(fileURLWithPath: path), options: .atomic)
            return true
        } catch {
            io.err(english ? "cannot write \(path)\n" : "无法写入 \(path)\n")
            return false
        }
    }

    /// The kind of file a path names by its extension.
    enum Kind { case csv, xlsx, json, html }

    static func kind(_ path: String, allowed: [Kind]) -> Kind? {
        let p = path.lowercased()
        let k: Kind = p.hasSuffix(".xlsx") ? .xlsx : p.hasSuffix(".json") ? .json : p.hasSuffix(".html") || p.hasSuffix(".htm") ? .html : .csv
        return allowed.contains(k) ? k : nil
    }
}
