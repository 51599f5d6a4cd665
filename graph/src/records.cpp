#include "records.h"

#include "record_codec.h"

namespace kgraph::graph {
namespace {

Status Unreadable(const std::string& what) {
    return Status::Corruption("the stored record of " + what + " is unreadable");
}

// Presence flags of an evidence record's optional claims, one varint.
constexpr std::uint64_t kAmount = 1;
constexpr std::uint64_t kPercent = 2;
constexpr std::uint64_t kDate = 4;
// Not a claim, but optional too: code point offsets, which evidence stored
// before they were recorded lacks. A flag rather than a part at the end,
// because evidence records also sit inside a document's facts.
constexpr std::uint64_t kChars = 8;
constexpr std::uint64_t kAllClaims = kAmount | kPercent | kDate | kChars;

void WriteMoney(RecordWriter& out, const Money& money) {
    out.Double(money.value);
    out.String(money.currency);
    out.String(money.qualifier);
    out.Bool(money.upper.has_value());
    if (money.upper) out.Double(*money.upper);
}

Money ReadMoney(RecordReader& in) {
    Money money;
    money.value = in.Double();
    money.currency = in.String();
    money.qualifier = in.String();
    if (in.Bool()) money.upper = in.Double();
    return money;
}

void WriteEvidence(RecordWriter& out, const Evidence& e) {
    out.String(e.doc);
    out.String(e.source);
    out.String(e.sentence);
    out.Unsigned(e.start);
    out.Unsigned(e.end);
    out.String(e.rule);
    out.Double(e.confidence);
    out.String(e.modality);
    out.Unsigned((e.amount ? kAmount : 0) | (e.percent ? kPercent : 0) | (e.date ? kDate : 0) |
                 (e.chars ? kChars : 0));
    if (e.amount) WriteMoney(out, *e.amount);
    if (e.percent) out.Double(*e.percent);
    if (e.date) out.String(*e.date);
    if (e.chars) {
        out.Unsigned(e.chars->start);
        out.Unsigned(e.chars->end);
    }
}

Evidence ReadEvidence(RecordReader& in) {
    Evidence e;
    e.doc = in.String();
    e.source = in.String();
    e.sentence = in.String();
    e.start = in.Unsigned();
    e.end = in.Unsigned();
    e.rule = in.String();
    e.confidence = in.Double();
    e.modality = in.String();
    const std::uint64_t claims = in.Unsigned();
    if (claims & ~kAllClaims) in.Reject();
    if (claims & kAmount) e.amount = ReadMoney(in);
    if (claims & kPercent) e.percent = in.Double();
    if (claims & kDate) e.date = in.String();
    if (claims & kChars) {
        e.chars = CodePointSpan{};
        e.chars->start = in.Unsigned();
        e.chars->end = in.Unsigned();
    }
    return e;
}

void WriteStrings(RecordWriter& out, const auto& strings) {
    out.Unsigned(strings.size());
    for (const std::string& s : strings) out.String(s);
}

std::vector<std::string> ReadStrings(RecordReader& in) {
    std::vector<std::string> strings(in.Count());
    for (std::string& s : strings) s = in.String();
    return strings;
}

void WriteEntity(RecordWriter& out, const Entity& entity) {
    out.String(entity.name);
    out.Unsigned(static_cast<std::uint64_t>(entity.type));
    WriteStrings(out, entity.aliases);
}

EntityType ReadEntityType(RecordReader& in) {
    const std::uint64_t type = in.Unsigned();
    if (type == static_cast<std::uint64_t>(EntityType::kPerson)) return EntityType::kPerson;
    if (type != static_cast<std::uint64_t>(EntityType::kOrganization)) in.Reject();
    return EntityType::kOrganization;
}

Entity ReadEntity(RecordReader& in) {
    Entity entity;
    entity.name = in.String();
    entity.type = ReadEntityType(in);
    entity.aliases = ReadStrings(in);
    return entity;
}

void WriteRelation(RecordWriter& out, const Relation& relation) {
    out.String(relation.subject);
    out.String(relation.predicate);
    out.String(relation.object);
    out.Unsigned(relation.evidence.size());
    for (const Evidence& e : relation.evidence) WriteEvidence(out, e);
}

Relation ReadRelation(RecordReader& in) {
    Relation relation;
    relation.subject = in.String();
    relation.predicate = in.String();
    relation.object = in.String();
    relation.evidence.resize(in.Count());
    for (Evidence& e : relation.evidence) e = ReadEvidence(in);
    return relation;
}

}  // namespace

std::string EncodeDocument(const DocumentFacts& facts) {
    RecordWriter out;
    out.String(facts.doc);
    out.String(facts.source);
    out.Unsigned(facts.entities.size());
    for (const Entity& entity : facts.entities) WriteEntity(out, entity);
    out.Unsigned(facts.relations.size());
    for (const Relation& relation : facts.relations) WriteRelation(out, relation);
    // Trailing parts, added after schema version 4 was fixed and absent from
    // records written before: the extractor's version (never empty when
    // alone, so that a stray byte is still caught), then the metadata,
    // written only when there is some.
    if (!facts.extractor.empty() || !facts.metadata.empty()) out.String(facts.extractor);
    if (!facts.metadata.empty()) {
        out.String(facts.metadata.url);
        out.String(facts.metadata.title);
        out.String(facts.metadata.date);
    }
    return std::move(out).Take();
}

Result<DocumentFacts> DecodeDocument(std::string_view id, std::string_view value) {
    RecordReader in(value);
    DocumentFacts facts;
    facts.doc = in.String();
    facts.source = in.String();
    facts.entities.resize(in.Count());
    for (Entity& entity : facts.entities) entity = ReadEntity(in);
    facts.relations.resize(in.Count());
    for (Relation& relation : facts.relations) relation = ReadRelation(in);
    if (!in.AtEnd()) {
        facts.extractor = in.String();
        if (in.AtEnd() && facts.extractor.empty()) in.Reject();
    }
    if (!in.AtEnd()) {
        facts.metadata.url = in.String();
        facts.metadata.title = in.String();
        facts.metadata.date = in.String();
    }
    if (!in.ok() || facts.doc != id) return Unreadable("document " + std::string(id));
    return facts;
}

Result<DocumentInfo> DecodeDocumentInfo(std::string_view id, std::string_view value) {
    Result<DocumentFacts> facts = DecodeDocument(id, value);
    if (!facts.ok()) return facts.status();
    std::size_t evidence = 0;
    for (const Relation& relation : facts->relations) evidence += relation.evidence.size();
    return DocumentInfo{std::move(facts->doc), std::move(facts->source), evidence, std::move(facts->extractor),
                        std::move(facts->metadata)};
}

namespace {

// A map of strings to counts: its size, then each string and its count.
void WriteCounts(RecordWriter& out, const std::map<std::string, std::size_t>& counts) {
    out.Unsigned(counts.size());
    for (const auto& [key, count] : counts) {
        out.String(key);
        out.Unsigned(count);
    }
}

std::map<std::string, std::size_t> ReadCounts(RecordReader& in) {
    std::map<std::string, std::size_t> counts;
    for (std::size_t size = in.Count(); size > 0; --size) {
        std::string key = in.String();
        counts.emplace_hint(counts.end(), std::move(key), in.Unsigned());
    }
    return counts;
}

}  // namespace

std::string EncodeEntityVotes(const EntityVotes& votes) {
    RecordWriter out;
    WriteCounts(out, votes.name_documents);
    out.Unsigned(votes.organization_mentions);
    out.Unsigned(votes.person_mentions);
    WriteCounts(out, votes.surface_forms);
    out.Unsigned(votes.joined_keys.size());
    for (const auto& [keys, documents] : votes.joined_keys) {
        WriteStrings(out, keys);
        out.Unsigned(documents);
    }
    return std::move(out).Take();
}

Result<EntityVotes> DecodeEntityVotes(std::string_view id, std::string_view value) {
    RecordReader in(value);
    EntityVotes votes;
    votes.name_documents = ReadCounts(in);
    votes.organization_mentions = in.Unsigned();
    votes.person_mentions = in.Unsigned();
    votes.surface_forms = ReadCounts(in);
    for (std::size_t sets = in.Count(); sets > 0; --sets) {
        std::vector<std::string> keys = ReadStrings(in);
        votes.joined_keys.emplace_hint(votes.joined_keys.end(), std::move(keys), in.Unsigned());
    }
    if (!in.ok()) return Unreadable("entity #" + std::string(id));
    return votes;
}

Result<Entity> DecodeEntity(std::string_view id, std::string_view value) {
    Result<EntityVotes> votes = DecodeEntityVotes(id, value);
    if (!votes.ok()) return votes.status();
    if (votes->name_documents.empty()) return Unreadable("entity #" + std::string(id));
    return votes->Elect();
}

std::string EncodeEvidence(const Evidence& evidence) {
    RecordWriter out;
    WriteEvidence(out, evidence);
    return std::move(out).Take();
}

Result<Evidence> DecodeEvidence(std::string_view value) {
    RecordReader in(value);
    Evidence evidence = ReadEvidence(in);
    if (!in.ok()) return Unreadable("a piece of evidence");
    return evidence;
}

}  // namespace kgraph::graph
