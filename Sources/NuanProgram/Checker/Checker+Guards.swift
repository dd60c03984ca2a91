import NuanSupport
import NuanSyntax
/// The guards a rules file declares around its decisions: the 辖区's divisions (`地区 [..]`),
/// the statistics table the notice asks for (`统计表`), and record-validity rules (`无效`).
extension Checker {
    /// A child file's `地区` and `统计表` replace the parent's; without them the nearest
    /// parent's hold. Every entry must be a division the gazetteer can place.
    mutating func resolveHeaderGuards(_ files: [RulesFile]) {
        program.statTable = files.lazy.reversed().compactMap(\.header.statTable).first
        guard let regions = files.lazy.reversed().compactMap(\.header.regions).first else { return }
        for (name, range) in regions {
            guard let code = Gazetteer.code(of: name) else {
                error("check.region-unknown", .unknownRegion(name), range)
                continue
            }
            program.regionCodes.append(code)
            program.regionNames.append(name)
        }
    }

    mutating func compileValidityRules(_ decls: [Declaration]) {
        for d in decls {
            guard case .validity(let v) = d.kind else { continue }
            let root = condition(v.condition, .validity(v.name))
            var seen = Set<Int>()
            var fields: [Int] = []
            collectFields(root, &seen, &fields)
            program.validityRules.append(.init(name: v.name, root: root, message: v.message, citation: v.citation?.text,
                                               fields: fields, range: v.nameRange))
        }
    }

    /// The fields a node reads, through definitions and groups, in first-read order.
    func collectFields(_ n: Int32, _ seen: inout Set<Int>, _ out: inout [Int], depth: Int = 0) {
        guard n >= 0, Int(n) < program.nodes.count, depth < NestingLimits.expanded else { return }
        let node = program.nodes[Int(n)]
        switch node.op {
        case .field, .given:
            if seen.insert(Int(node.a)).inserted { out.append(Int(node.a)) }
        case .constant, .parameter, .category: break
        case .definition:
            if Int(node.a) < program.definitions.count { collectFields(program.definitions[Int(node.a)].root, &seen, &out, depth: depth + 1) }
        case .group:
            if Int(node.a) < program.groups.count { collectFields(program.groups[Int(node.a)].root, &seen, &out, depth: depth + 1) }
        case .min, .max:
            for k in 0..<Int(node.b) { collectFields(program.arguments[Int(node.a) + k], &seen, &out, depth: depth + 1) }
        default:
            for c in [node.a, node.b, node.c] { collectFields(c, &seen, &out, depth: depth + 1) }
        }
    }
}

extension Diagnostic.Message {
    static func unknownRegion(_ name: String) -> Self {
        Self(zh: "辖区地区 “\(name)” 无法识别：请写地级市或省的全称，或六位行政区划代码（如 340300）",
             en: "the jurisdiction's region ‘\(name)’ is not a known division: write the city's or province's full name, or its six-digit division code (e.g. 340300)")
    }
}
