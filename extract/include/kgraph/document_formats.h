// The input stage: files in the formats kgraph reads, turned into Documents
// (text plus metadata) before extraction sees them. Extraction itself reads
// only Document::text; everything about file formats is here.
//
// Formats, by file name extension:
//   .txt, .md       the text as it is
//   .html, .htm     the page's main text (its <article>, else <main>, else
//                   <body>) without scripts, styles, navigation, headers,
//                   footers, asides, bylines or the <title>; the canonical
//                   URL, title and publication date become the metadata
//   .jsonl          one document per line: {"text": ..., "url": ...,
//                   "title": ..., "date": ...}, only "text" required
// A file named on the command line with another extension is read as text;
// a folder's other files are not read, and DocumentWalk reports them.
// "-" is standard input, read as text.
//
// Errors: NotFound / IOError for paths that cannot be read; InvalidArgument,
// naming the file (and the line of a .jsonl file), for content that is not
// what its extension says.
//
// Thread-safety: every function may be called from several threads at once.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kgraph/model.h"
#include "kgraph/status.h"

namespace kgraph {

enum class DocumentFormat { kText, kHtml, kJsonLines };

// The format a file name's extension (any case) names, or nullopt for one
// kgraph does not read.
std::optional<DocumentFormat> FormatOfPath(const std::filesystem::path& path);

// The name that stands for standard input among the paths.
inline constexpr std::string_view kStandardInput = "-";

// Every document of one file, in file order. `warning` as for ReadDocument.
Result<std::vector<Document>> ReadDocuments(const std::filesystem::path& path, std::string* warning = nullptr);

// One HTML page (UTF-8) as a Document whose source is `source`; its text is
// the main text described above, in paragraphs separated by blank lines.
Result<Document> DocumentFromHtml(std::string_view html, std::string source);

// One line of a .jsonl file as a Document: the source is the line's "url",
// or `fallback_source` when it has none.
Result<Document> DocumentFromJsonLine(std::string_view line, std::string fallback_source);

}  // namespace kgraph
