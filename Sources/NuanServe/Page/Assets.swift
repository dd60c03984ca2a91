/// The page's style sheet and script, embedded in the binary (no CDN: the office may be offline).
enum Assets {
    static let css = ""
    static let js = ""
}
