// Files -> Documents, by format. HTML goes through libxml2's HTML parser,
// which recovers from the malformed markup real pages are full of the way
// browsers do, so that "main text" means the text a reader sees.
#include "kgraph/document_formats.h"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <climits>
#include <memory>
#include <mutex>
#include <sstream>

#include "kgraph/extract.h"

namespace kgraph {
namespace {

namespace fs = std::filesystem;

std::string Lower(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c); });
    return text;
}

bool IsAsciiSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// Runs of white space as one space, none at the ends: HTML's rendering of
// the text between tags.
std::string CollapseSpace(std::string_view text) {
    std::string out;
    bool space = false;
    for (const char c : text) {
        if (IsAsciiSpace(c)) {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += c;
    }
    return out;
}

// --- HTML ---

const char* Name(const xmlNode* node) { return reinterpret_cast<const char*>(node->name); }

std::string Attribute(const xmlNode* node, const char* name) {
    xmlChar* value = xmlGetProp(node, reinterpret_cast<const xmlChar*>(name));
    if (value == nullptr) return "";
    std::string text = reinterpret_cast<const char*>(value);
    xmlFree(value);
    return text;
}

// Elements that hold no article text: code, page chrome, and controls.
bool IsBoilerplateElement(std::string_view name) {
    static constexpr std::array<std::string_view, 18> kNames = {
        "script", "style",  "noscript", "template", "head",   "title",    "nav",    "header", "footer",
        "aside",  "form",   "button",   "select",   "iframe", "svg",      "canvas", "figure", "address"};
    return std::find(kNames.begin(), kNames.end(), name) != kNames.end();
}

// Chrome that pages mark with a role or a class rather than an element:
// bylines, share bars, related links, newsletter boxes, adverts.
bool IsMarkedBoilerplate(const xmlNode* node) {
    const std::string role = Lower(Attribute(node, "role"));
    if (role == "navigation" || role == "banner" || role == "contentinfo" || role == "complementary") return true;
    if (xmlHasProp(node, reinterpret_cast<const xmlChar*>("hidden")) || Attribute(node, "aria-hidden") == "true") {
        return true;
    }
    static constexpr std::array<std::string_view, 12> kMarks = {
        "byline", "author", "share",  "social",  "related", "newsletter",
        "advert", "promo",  "cookie", "comment", "breadcrumb", "caption"};
    const std::string marks = Lower(Attribute(node, "class") + " " + Attribute(node, "id"));
    return std::any_of(kMarks.begin(), kMarks.end(),
                       [&](std::string_view mark) { return marks.find(mark) != std::string::npos; });
}

// Elements that start and end a paragraph of their own.
bool IsBlockElement(std::string_view name) {
    static constexpr std::array<std::string_view, 24> kNames = {
        "p",  "div", "section", "article", "main", "h1", "h2", "h3", "h4",    "h5",   "h6",    "li",
        "ul", "ol",  "dl",      "dt",      "dd",   "br", "tr", "td", "table", "pre",  "blockquote", "hr"};
    return std::find(kNames.begin(), kNames.end(), name) != kNames.end();
}

// The visible text of a subtree as paragraphs.
class TextCollector {
public:
    void Collect(const xmlNode* node) {
        for (const xmlNode* child = node->children; child != nullptr; child = child->next) {
            if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE) {
                if (child->content != nullptr) line_ += reinterpret_cast<const char*>(child->content);
            } else if (child->type == XML_ELEMENT_NODE) {
                const std::string_view name = Name(child);
                if (IsBoilerplateElement(name) || IsMarkedBoilerplate(child)) continue;
                const bool block = IsBlockElement(name);
                if (block) EndParagraph();
                Collect(child);
                if (block) EndParagraph();
            }
        }
    }

    std::string Text() {
        EndParagraph();
        return std::move(text_);
    }

private:
    void EndParagraph() {
        std::string paragraph = CollapseSpace(line_);
        line_.clear();
        if (paragraph.empty()) return;
        if (!text_.empty()) text_ += "\n\n";
        text_ += paragraph;
    }

    std::string line_;
    std::string text_;
};

// The first element, in document order, that `match` accepts.
template <typename Match>
const xmlNode* FindElement(const xmlNode* node, const Match& match) {
    for (const xmlNode* child = node->children; child != nullptr; child = child->next) {
        if (child->type != XML_ELEMENT_NODE) continue;
        if (match(child)) return child;
        if (const xmlNode* found = FindElement(child, match); found != nullptr) return found;
    }
    return nullptr;
}

const xmlNode* FindElementNamed(const xmlNode* root, std::string_view name) {
    return FindElement(root, [&](const xmlNode* node) { return name == Name(node); });
}

// The content of <meta property|name=key content=...>, or "".
std::string MetaContent(const xmlNode* root, std::string_view key) {
    const xmlNode* meta = FindElement(root, [&](const xmlNode* node) {
        return std::string_view(Name(node)) == "meta" &&
               (Attribute(node, "property") == key || Lower(Attribute(node, "name")) == key);
    });
    return meta ? CollapseSpace(Attribute(meta, "content")) : "";
}

std::string Title(const xmlNode* root) {
    if (std::string title = MetaContent(root, "og:title"); !title.empty()) return title;
    const xmlNode* title = FindElementNamed(root, "title");
    if (title == nullptr) return "";
    TextCollector text;
    text.Collect(title);
    return text.Text();
}

std::string CanonicalUrl(const xmlNode* root) {
    const xmlNode* link = FindElement(root, [](const xmlNode* node) {
        return std::string_view(Name(node)) == "link" && Lower(Attribute(node, "rel")) == "canonical";
    });
    if (link != nullptr) return CollapseSpace(Attribute(link, "href"));
    return MetaContent(root, "og:url");
}

std::string PublicationDate(const xmlNode* root) {
    for (const std::string_view key : {"article:published_time", "date", "pubdate"}) {
        if (std::string date = MetaContent(root, key); !date.empty()) return date;
    }
    const xmlNode* time = FindElement(root, [](const xmlNode* node) {
        return std::string_view(Name(node)) == "time" && !Attribute(node, "datetime").empty();
    });
    return time ? CollapseSpace(Attribute(time, "datetime")) : "";
}

// The article when the page marks it, else its main part, else the body.
const xmlNode* MainElement(const xmlNode* root) {
    for (const std::string_view name : {"article", "main", "body"}) {
        if (const xmlNode* found = FindElementNamed(root, name); found != nullptr) return found;
    }
    return root;
}

// libxml2 sets up its global tables on first use; threads must not race to do it.
void InitLibxml() {
    static std::once_flag once;
    std::call_once(once, [] { xmlInitParser(); });
}

// --- Documents from files ---

Document MakeDocument(std::string text, std::string source, DocumentMetadata metadata) {
    Document document;
    document.id = DocumentId(text);
    document.source = std::move(source);
    document.text = std::move(text);
    document.metadata = std::move(metadata);
    return document;
}

std::string Field(const nlohmann::json& line, const char* name) {
    const auto field = line.find(name);
    return field != line.end() && field->is_string() ? field->get<std::string>() : "";
}

Result<std::vector<Document>> ReadJsonLines(const fs::path& path, std::string* warning) {
    Result<Document> file = ReadDocument(path, warning);
    if (!file.ok()) return file.status();
    std::vector<Document> documents;
    std::istringstream lines(file->text);
    std::string line;
    for (std::size_t number = 1; std::getline(lines, line); ++number) {
        if (CollapseSpace(line).empty()) continue;
        const std::string where = path.string() + ":" + std::to_string(number);
        Result<Document> document = DocumentFromJsonLine(line, where);
        if (!document.ok()) return Status::InvalidArgument(where + ": " + document.status().message());
        documents.push_back(std::move(*document));
    }
    return documents;
}

Result<Document> ReadStandardInput(std::string* warning) {
    Result<Document> document = ReadDocument("/dev/stdin", warning);
    if (!document.ok()) return Status::IOError("cannot read standard input: " + document.status().message());
    // Each text piped in is a document of its own, not a new version of the last one.
    document->source = "stdin:" + document->id.substr(0, 12);
    return document;
}

}  // namespace

std::optional<DocumentFormat> FormatOfPath(const fs::path& path) {
    const std::string extension = Lower(path.extension().string());
    if (extension == ".txt" || extension == ".md") return DocumentFormat::kText;
    if (extension == ".html" || extension == ".htm") return DocumentFormat::kHtml;
    if (extension == ".jsonl") return DocumentFormat::kJsonLines;
    return std::nullopt;
}

Result<Document> DocumentFromHtml(std::string_view html, std::string source) {
    if (html.size() > INT_MAX) return Status::InvalidArgument(source + ": too large for the HTML parser");
    InitLibxml();
    // The text arrives as UTF-8 whatever the page's <meta charset> claims: the reader decoded it.
    const int options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
                        HTML_PARSE_NOBLANKS | HTML_PARSE_IGNORE_ENC;
    std::unique_ptr<xmlDoc, decltype(&xmlFreeDoc)> page(
        htmlReadMemory(html.data(), static_cast<int>(html.size()), nullptr, "UTF-8", options), xmlFreeDoc);
    const xmlNode* root = page ? xmlDocGetRootElement(page.get()) : nullptr;
    if (root == nullptr) return Status::InvalidArgument(source + ": no HTML content");
    TextCollector text;
    text.Collect(MainElement(root));
    return MakeDocument(text.Text(), std::move(source), {CanonicalUrl(root), Title(root), PublicationDate(root)});
}

Result<Document> DocumentFromJsonLine(std::string_view line, std::string fallback_source) {
    const nlohmann::json parsed = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (parsed.is_discarded() || !parsed.is_object()) return Status::InvalidArgument("not a JSON object");
    const auto text = parsed.find("text");
    if (text == parsed.end() || !text->is_string()) return Status::InvalidArgument("no \"text\" string");
    std::string body = text->get<std::string>();
    if (body.find('\0') != std::string::npos) return Status::InvalidArgument("NUL character in \"text\"");
    DocumentMetadata metadata{Field(parsed, "url"), Field(parsed, "title"), Field(parsed, "date")};
    std::string source = metadata.url.empty() ? std::move(fallback_source) : metadata.url;
    return MakeDocument(std::move(body), std::move(source), std::move(metadata));
}

Result<std::vector<Document>> ReadDocuments(const fs::path& path, std::string* warning) {
    if (path == kStandardInput) {
        Result<Document> document = ReadStandardInput(warning);
        if (!document.ok()) return document.status();
        return std::vector<Document>{std::move(*document)};
    }
    const DocumentFormat format = FormatOfPath(path).value_or(DocumentFormat::kText);
    if (format == DocumentFormat::kJsonLines) return ReadJsonLines(path, warning);
    Result<Document> file = ReadDocument(path, warning);
    if (!file.ok()) return file.status();
    if (format == DocumentFormat::kText) return std::vector<Document>{std::move(*file)};
    Result<Document> page = DocumentFromHtml(file->text, std::move(file->source));
    if (!page.ok()) return page.status();
    return std::vector<Document>{std::move(*page)};
}

}  // namespace kgraph
