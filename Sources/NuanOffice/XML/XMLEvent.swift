/// One step of an XML document as `XMLReader` reports it. Namespace prefixes are dropped
/// (`r:id` → `id`, `x:c` → `c`): SpreadsheetML parts never use two namespaces for one local
/// name where we look, and producers disagree on prefixes.
enum XMLEvent: Equatable {
    case start(XMLElement)
    /// The end of an element (also reported right after a self-closing `<x/>`), by local name.
    case end(String)
    /// Character data with entities resolved; CDATA sections arrive as text too.
    case text(String)
}

/// A start tag: local name and attributes by local name (`xmlns` declarations left out).
/// Attributes are a short list, not a dictionary: an element has a handful, and hashing them
/// for every cell of a large sheet costs more than a linear look-up.
struct XMLElement: Equatable {
    let name: String
    let attributeList: [XMLAttribute]

    init(name: String, attributes: [XMLAttribute]) {
        self.name = name
        attributeList = attributes
    }

    /// The value of the first attribute with this local name.
    subscript(attribute: String) -> String? { attributeList.first { $0.name == attribute }?.value }

    /// All attributes by local name (tests and debugging).
    var attributes: [String: String] {
        Dictionary(attributeList.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
    }
}

struct XMLAttribute: Equatable {
    let name: String
    let value: String
}
