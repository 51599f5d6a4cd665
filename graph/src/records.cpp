#include "records.h"

#include "kgraph/facts_json.h"

#include <nlohmann/json.hpp>

#include <map>
#include <set>

namespace kgraph::graph {
namespace {

using nlohmann::json;

// Invalid UTF-8 (which the model rules out) is replaced rather than thrown.
std::string Dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

Status Unreadable(const std::string& what) {
    return Status::Corruption("the stored record of " + what + " is unreadable");
}

// Runs `decode` on the parsed value; any parse or shape error becomes a
// Corruption naming `what`.
template <typename T, typename DecodeFn>
Result<T> Decode(std::string_view value, const std::string& what, DecodeFn decode) {
    try {
        return decode(json::parse(value));
    } catch (const std::exception&) {
        return Unreadable(what);
    }
}

}  // namespace

std::string EncodeDocument(const DocumentFacts& facts) { return DocumentFactsToJson(facts); }

Result<DocumentFacts> DecodeDocument(std::string_view id, std::string_view value) {
    Result<DocumentFacts> facts = DocumentFactsFromJson(value);
    if (!facts.ok() || facts->doc != id) return Unreadable("document " + std::string(id));
    return facts;
}

std::string EncodeEntityVotes(const EntityVotes& votes) {
    return Dump({{"names", votes.name_documents},
                 {"organization", votes.organization_mentions},
                 {"person", votes.person_mentions},
                 {"forms", votes.surface_forms}});
}

Result<EntityVotes> DecodeEntityVotes(std::string_view name, std::string_view value) {
    return Decode<EntityVotes>(value, "entity " + std::string(name), [](const json& j) {
        EntityVotes votes;
        votes.name_documents = j.at("names").get<std::map<std::string, std::size_t>>();
        votes.organization_mentions = j.at("organization").get<std::size_t>();
        votes.person_mentions = j.at("person").get<std::size_t>();
        votes.surface_forms = j.at("forms").get<std::set<std::string>>();
        return votes;
    });
}

Result<Entity> DecodeEntity(std::string_view name, std::string_view value) {
    Result<EntityVotes> votes = DecodeEntityVotes(name, value);
    if (!votes.ok()) return votes.status();
    Entity entity = votes->Elect();
    if (entity.name != name) {
        return Status::Corruption("the stored record of entity " + std::string(name) + " elects the name " + entity.name);
    }
    return entity;
}

std::string EncodeEvidence(const Evidence& evidence) { return EvidenceToJson(evidence); }

Result<Evidence> DecodeEvidence(std::string_view value) {
    Result<Evidence> evidence = EvidenceFromJson(value);
    if (!evidence.ok()) return Unreadable("a piece of evidence");
    return evidence;
}

}  // namespace kgraph::graph
