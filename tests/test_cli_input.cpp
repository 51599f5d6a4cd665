// What `kgraph ingest` and `kgraph extract` read besides .txt files: HTML
// pages, Markdown, JSON lines and standard input, through the real binary.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "cli_harness.h"

namespace fs = std::filesystem;
using nlohmann::json;
using namespace kgraph::test;

namespace {

const fs::path kNewsPage = fs::path(KGRAPH_TESTS_DIR) / "data" / "html" / "news_page.html";

std::set<std::string> Relations(const TempDir& dir) {
    Run run = Kgraph(dir, {"relations", "--json"});
    REQUIRE(run.exit_code == 0);
    std::set<std::string> relations;
    for (const json& r : json::parse(run.out)) {
        relations.insert(r["subject"]["name"].get<std::string>() + " " + r["predicate"].get<std::string>() + " " +
                         r["object"]["name"].get<std::string>());
    }
    return relations;
}

const json* DocumentFrom(const json& documents, const std::string& source_end) {
    for (const json& document : documents) {
        const std::string source = document["source"];
        if (source.size() >= source_end.size() && source.compare(source.size() - source_end.size(), source_end.size(), source_end) == 0) {
            return &document;
        }
    }
    return nullptr;
}

}  // namespace

TEST_CASE("ingest reads a folder's news page, Markdown and JSON lines, keeps their metadata, and names what it does not read") {
    TempDir dir;
    const fs::path corpus = dir / "corpus";
    fs::create_directories(corpus);
    fs::copy_file(kNewsPage, corpus / "page.html");
    std::ofstream(corpus / "note.md") << "# Notes\n\nMicrosoft Chief Executive Satya Nadella said on Tuesday that the deal was done.\n";
    std::ofstream(corpus / "feed.jsonl")
        << R"({"text": "Walmart is a customer of Nvidia, the retailer said.", "url": "https://news.example/walmart", "title": "Walmart buys chips", "date": "2025-06-12"})"
        << "\n"
        << R"({"text": "Salesforce competes with Oracle in the database market."})" << "\n";
    std::ofstream(corpus / "report.pdf") << "%PDF-1.4";

    Run ingest = Kgraph(dir, {"ingest", corpus.string()});
    INFO(ingest.err);
    REQUIRE(ingest.exit_code == 0);
    CHECK(ingest.out.find("ingested 4 documents: 4 added") != std::string::npos);
    CHECK(ingest.err.find("not read: 1 file") != std::string::npos);
    CHECK(ingest.err.find("report.pdf") != std::string::npos);

    const std::set<std::string> relations = Relations(dir);
    CHECK(relations.count("Volkswagen AG owns-stake Gotion High-Tech") == 1);
    CHECK(relations.count("Li Zhen founder-of Gotion High-Tech") == 1);
    CHECK(relations.count("Satya Nadella ceo-of Microsoft") == 1);
    CHECK(relations.count("Walmart customer-of Nvidia") == 1);
    CHECK(relations.count("Oracle competes-with Salesforce") == 1);
    // The title, scripts, banner, caption, aside and footer state relations that are not the article's.
    for (const std::string& relation : relations) {
        INFO(relation);
        for (const char* boilerplate : {"Cohere", "Amazon", "Apple", "OpenAI", "Nvidia invests-in", "Anthropic", "Tech Wire"}) {
            CHECK(relation.find(boilerplate) == std::string::npos);
        }
    }

    Run documents = Kgraph(dir, {"documents", "--json"});
    REQUIRE(documents.exit_code == 0);
    const json listed = json::parse(documents.out);
    const json* page = DocumentFrom(listed, "page.html");
    REQUIRE(page != nullptr);
    CHECK((*page)["url"] == "https://techwire.example.com/2020/05/29/volkswagen-gotion-stake");
    CHECK((*page)["title"] == "Volkswagen takes 26% stake in Gotion High-Tech");
    CHECK((*page)["date"] == "2020-05-29T08:15:00Z");
    const json* line = DocumentFrom(listed, "https://news.example/walmart");
    REQUIRE(line != nullptr);
    CHECK((*line)["title"] == "Walmart buys chips");
    CHECK((*line)["date"] == "2025-06-12");
    CHECK(DocumentFrom(listed, "feed.jsonl:2") != nullptr);
    CHECK(Kgraph(dir, {"check"}).exit_code == 0);
}

TEST_CASE("JSON-LD gives each document the url, title and date it gave about itself") {
    TempDir dir;
    const fs::path corpus = dir / "corpus";
    fs::create_directories(corpus);
    fs::copy_file(kNewsPage, corpus / "page.html");
    std::ofstream(corpus / "feed.jsonl")
        << R"({"text": "Walmart is a customer of Nvidia, the retailer said.", "url": "https://news.example/walmart", "title": "Walmart buys chips", "date": "2025-06-12"})"
        << "\n";
    std::ofstream(corpus / "plain.txt") << "Salesforce competes with Oracle in the database market.\n";
    REQUIRE(Kgraph(dir, {"ingest", corpus.string()}).exit_code == 0);
    const fs::path file = dir / "graph.jsonld";
    REQUIRE(Kgraph(dir, {"export", "--format", "jsonld", "-o", file.string()}).exit_code == 0);

    const json exported = json::parse(Slurp(file));
    std::map<std::string, json> documents;  // by the end of the source
    for (const json& node : exported["@graph"]) {
        if (node.value("@type", "") != "Document") continue;
        const std::string source = node["source"];
        documents[source.substr(source.find_last_of('/') + 1)] = node;
    }
    REQUIRE(documents.size() == 3);
    const json& page = documents.at("page.html");
    CHECK(page["url"] == "https://techwire.example.com/2020/05/29/volkswagen-gotion-stake");
    CHECK(page["headline"] == "Volkswagen takes 26% stake in Gotion High-Tech");
    CHECK(page["datePublished"] == "2020-05-29T08:15:00Z");  // not an xsd:date: a plain string
    const json& line = documents.at("walmart");
    CHECK(line["headline"] == "Walmart buys chips");
    CHECK(line["datePublished"] == json{{"@value", "2025-06-12"}, {"@type", "xsd:date"}});
    const json& plain = documents.at("plain.txt");
    CHECK_FALSE(plain.contains("url"));
    CHECK_FALSE(plain.contains("headline"));
    CHECK_FALSE(plain.contains("datePublished"));

    // rdflib and pyld read the same triples, every typed literal valid.
    const Run rdf = Shell("/usr/bin/python3 '" + (fs::path(KGRAPH_TESTS_DIR) / "jsonld_check.py").string() + "' '" +
                          file.string() + "'");
    INFO(rdf.out);
    REQUIRE(rdf.exit_code == 0);
    const json checked = json::parse(rdf.out);
    CHECK(checked["isomorphic"] == true);
    CHECK(checked["ill_typed"] == json::array());
}

TEST_CASE("ingest - and extract - read standard input") {
    TempDir dir;
    std::ofstream(dir / "article.txt") << "Microsoft Chief Executive Satya Nadella said on Tuesday that the deal was done.\n";
    Run extract = KgraphReading(dir, {"extract", "-"}, dir / "article.txt");
    INFO(extract.err);
    REQUIRE(extract.exit_code == 0);
    CHECK(extract.out.find("Satya Nadella  ceo-of  Microsoft") != std::string::npos);

    Run ingest = KgraphReading(dir, {"ingest", "-"}, dir / "article.txt");
    INFO(ingest.err);
    REQUIRE(ingest.exit_code == 0);
    CHECK(ingest.out.find("1 added") != std::string::npos);
    CHECK(Relations(dir).count("Satya Nadella ceo-of Microsoft") == 1);
    std::ofstream(dir / "other.txt") << "Walmart is a customer of Nvidia, the retailer said.\n";
    REQUIRE(KgraphReading(dir, {"ingest", "-"}, dir / "other.txt").exit_code == 0);
    // A second text on standard input is another document, not a new version of the first.
    CHECK(Relations(dir).count("Satya Nadella ceo-of Microsoft") == 1);
    CHECK(Relations(dir).count("Walmart customer-of Nvidia") == 1);
}
