// The input stage: HTML pages, Markdown, JSON lines and folders of mixed
// files, turned into Documents before extraction.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "kgraph/document_formats.h"
#include "kgraph/extract.h"

namespace fs = std::filesystem;
using namespace kgraph;

namespace {

const fs::path kNewsPage = fs::path(KGRAPH_TESTS_DIR) / "data" / "html" / "news_page.html";

bool Contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// A scratch folder of the test's own.
struct Folder {
    fs::path path = fs::temp_directory_path() / ("kgraph-formats-" + std::to_string(::getpid()));
    Folder() { fs::create_directories(path); }
    ~Folder() { fs::remove_all(path); }
    void Write(const std::string& name, const std::string& content) const { std::ofstream(path / name) << content; }
};

}  // namespace

TEST_CASE("a news page's main text keeps the article and drops title, scripts, navigation and bylines") {
    Result<std::vector<Document>> documents = ReadDocuments(kNewsPage);
    REQUIRE(documents.ok());
    REQUIRE(documents->size() == 1);
    const Document& page = documents->front();
    INFO(page.text);
    CHECK(page.source == kNewsPage.string());
    CHECK(page.id == DocumentId(page.text));
    CHECK(page.text.rfind("BERLIN (Tech Wire) -- Volkswagen AG will pay about 1.1 billion euros", 0) == 0);
    CHECK(Contains(page.text, "said on Friday.\n\nGotion was founded by Li Zhen in 2006"));
    CHECK(Contains(page.text, "\xE2\x80\x9CGotion is a strong and trusted partner,\xE2\x80\x9D said Herbert Diess"));
    for (const char* boilerplate : {"Oracle", "Cohere", "Amazon", "dataLayer", "Apple", "Business", "Microsoft",
                                    "Jane Doe", "Share", "Nvidia", "Related", "Google", "Subscribe", "Example Media"}) {
        CHECK_FALSE(Contains(page.text, boilerplate));
    }
    CHECK(page.metadata.url == "https://techwire.example.com/2020/05/29/volkswagen-gotion-stake");
    CHECK(page.metadata.title == "Volkswagen takes 26% stake in Gotion High-Tech");
    CHECK(page.metadata.date == "2020-05-29T08:15:00Z");
}

TEST_CASE("a page without an article element is read from its body, and its <title> is the title") {
    Result<Document> page = DocumentFromHtml(
        "<html><head><title> Quarterly  results </title><script>var x = 'Meta buys Google';</script></head>"
        "<body><nav>Home | World</nav><p>Acme Corp said on Monday that it hired Jane Roe.</p>"
        "<div>Second<br>line</div><footer>All rights reserved</footer></body></html>",
        "page.html");
    REQUIRE(page.ok());
    CHECK(page->text == "Acme Corp said on Monday that it hired Jane Roe.\n\nSecond\n\nline");
    CHECK(page->metadata.title == "Quarterly results");
    CHECK(page->metadata.url.empty());
}

TEST_CASE("a JSON line gives its text and its url, title and date") {
    Result<Document> line = DocumentFromJsonLine(
        R"({"text": "Meta invests in Scale AI.", "url": "https://news.example/1", "title": "Meta", "date": "2025-06-12"})",
        "feed.jsonl:1");
    REQUIRE(line.ok());
    CHECK(line->text == "Meta invests in Scale AI.");
    CHECK(line->source == "https://news.example/1");
    CHECK(line->metadata == DocumentMetadata{"https://news.example/1", "Meta", "2025-06-12"});

    Result<Document> bare = DocumentFromJsonLine(R"({"text": "Just text."})", "feed.jsonl:2");
    REQUIRE(bare.ok());
    CHECK(bare->source == "feed.jsonl:2");
    CHECK(bare->metadata.empty());

    CHECK(DocumentFromJsonLine(R"({"url": "x"})", "f:3").status().IsInvalidArgument());
    CHECK(DocumentFromJsonLine("not json", "f:4").status().IsInvalidArgument());
}

TEST_CASE("a .jsonl file is a document per line, and a bad line names the file and line") {
    Folder folder;
    folder.Write("feed.jsonl", "{\"text\": \"One.\", \"url\": \"u1\"}\n\n{\"text\": \"Two.\"}\n");
    Result<std::vector<Document>> documents = ReadDocuments(folder.path / "feed.jsonl");
    REQUIRE(documents.ok());
    REQUIRE(documents->size() == 2);
    CHECK((*documents)[0].source == "u1");
    CHECK((*documents)[1].source == (folder.path / "feed.jsonl").string() + ":3");

    folder.Write("bad.jsonl", "{\"text\": \"One.\"}\n[1, 2]\n");
    Result<std::vector<Document>> bad = ReadDocuments(folder.path / "bad.jsonl");
    REQUIRE(bad.status().IsInvalidArgument());
    CHECK(Contains(bad.status().message(), "bad.jsonl:2"));
}

TEST_CASE("a folder walk yields .txt, .md, .html, .htm and .jsonl files and counts the others") {
    Folder folder;
    for (const char* name : {"a.txt", "b.md", "c.HTML", "d.htm", "e.jsonl", "f.pdf", "g.docx", "h"}) folder.Write(name, "x");
    DocumentWalk walk({folder.path});
    std::vector<std::string> names;
    while (true) {
        Result<std::optional<fs::path>> file = walk.Next();
        REQUIRE(file.ok());
        if (!*file) break;
        names.push_back((*file)->filename().string());
    }
    CHECK(names == std::vector<std::string>{"a.txt", "b.md", "c.HTML", "d.htm", "e.jsonl"});
    CHECK(walk.unread_files() == 3);
    REQUIRE(walk.first_unread_files().size() == 3);

    CHECK(FormatOfPath("x.md") == DocumentFormat::kText);
    CHECK(FormatOfPath("x.Htm") == DocumentFormat::kHtml);
    CHECK_FALSE(FormatOfPath("x.pdf").has_value());
}
