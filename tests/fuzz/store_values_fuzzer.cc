// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Any bytes as what a store hands back (#20, #22): a value corrupted on
// disk or written by another version.
// - Session stores (in memory, and SQLite in a temporary file removed at
//   exit): the bytes saved as a conversation load back identical, with
//   their version and shopper, and are listed and deleted.
// - The runtime over each of them: the bytes stored as a conversation's
//   record; Conversations::Load either restores it or fails cleanly
//   (DATA_LOSS for a record it cannot read), a message to that conversation
//   is answered (an unreadable record restarts), and what it saves loads.
// - The desk's in-memory store: the bytes read as a DeskConversation and as
//   a DeskAgent (ParseBytes: ill-formed UTF-8 refused before parsing),
//   committed under fixed ids as new records (version 1), then the desk's calls on them (read,
//   queue status, transcript, accept, write, resolve, tick) succeed or fail with a short,
//   well-formed message; what they return parses back.
// Protobuf must log nothing in any of it (#22: a corrupted stored record
// with ill-formed text made it log an ERROR line before refusing it).
// Replayed by channels_replay_main.cc over tests/fuzz/corpus/store.

#include <stdlib.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "absl/time/time.h"
#include "chatcart/desk.h"
#include "chatcart/desk_store.h"
#include "chatcart/runtime.h"
#include "chatcart/store.h"
#include "chatcart/v1/desk.pb.h"
#include "chatcart/v1/runtime.pb.h"
#include "chatcart/wire.h"
#include "fuzz/fuzz_demo.h"

const char chatcart::fuzz::kTarget[] = "store_values_fuzzer";

namespace {

namespace v1 = chatcart::v1;

const std::string& TempDir() {
  static const std::string* dir = [] {
    std::string templ =
        (std::filesystem::temp_directory_path() / "chatcart-store-fuzz-XXXXXX").string();
    FUZZ_CHECK(mkdtemp(templ.data()) != nullptr, "no temporary directory");
    std::atexit([] {
      std::error_code ignored;
      std::filesystem::remove_all(TempDir(), ignored);
    });
    return new std::string(templ);
  }();
  return *dir;
}

chatcart::SessionStore& Sqlite() {
  static chatcart::SessionStore* store = [] {
    auto opened = chatcart::OpenSqliteSessionStore({.path = TempDir() + "/sessions.db"});
    FUZZ_CHECK(opened.ok(), "the SQLite store does not open");
    return opened->release();
  }();
  return *store;
}

chatcart::SessionStore& Memory() {
  static chatcart::SessionStore* store = chatcart::NewMemorySessionStore().release();
  return *store;
}

void CheckError(const absl::Status& s) {
  FUZZ_CHECK(s.code() != absl::StatusCode::kInternal && s.code() != absl::StatusCode::kUnknown,
             "a call failed with INTERNAL or UNKNOWN");
  chatcart::fuzz::CheckErrorMessage(s);
}

template <typename M>
void CheckParsesBack(const M& message) {
  const std::string bytes = chatcart::DeterministicBytes(message);
  M back;
  FUZZ_CHECK(chatcart::ParseBytes(bytes, "fuzz", &back).ok(), "a returned message does not parse");
  FUZZ_CHECK(chatcart::DeterministicBytes(back) == bytes, "a returned message changed");
}

// The bytes as a session store's value.
void SessionValue(chatcart::SessionStore& store, const std::string& value) {
  static const std::string kId = "web:value";
  FUZZ_CHECK(store.Delete(kId).ok(), "delete failed");
  auto saved = store.Save({.id = kId, .shopper = "ann", .value = value});
  FUZZ_CHECK(saved.ok() && *saved == 1, "a new value does not save as version 1");
  auto loaded = store.Load(kId);
  FUZZ_CHECK(loaded.ok(), "a saved value does not load");
  FUZZ_CHECK(loaded->value == value, "a value loads back with other bytes");
  FUZZ_CHECK(loaded->version == 1 && loaded->shopper == "ann", "version or shopper changed");
  auto listed = store.ListByShopper("ann");
  FUZZ_CHECK(listed.ok() && listed->size() == 1 && (*listed)[0].id == kId,
             "the shopper's list is not the one session");
  FUZZ_CHECK(store.Delete(kId).ok(), "delete failed");
  FUZZ_CHECK(absl::IsNotFound(store.Load(kId).status()), "a deleted value loads");
}

// The bytes as a stored conversation record under the runtime.
void ConversationRecord(chatcart::SessionStore& store, const std::string& value) {
  static const std::string kId = "web:record";
  FUZZ_CHECK(store.Delete(kId).ok(), "delete failed");
  FUZZ_CHECK(store.Save({.id = kId, .value = value}).ok(), "the record does not save");
  chatcart::ConversationsOptions options;
  options.engine = std::shared_ptr<const chatcart::Engine>(&chatcart::fuzz::Demo(),
                                                           [](const chatcart::Engine*) {});
  options.store = std::shared_ptr<chatcart::SessionStore>(&store, [](chatcart::SessionStore*) {});
  auto conversations = chatcart::Conversations::Create(std::move(options));
  FUZZ_CHECK(conversations.ok(), "the runtime does not start");
  auto session = (*conversations)->Load(kId);
  if (session.ok()) {
    FUZZ_CHECK(chatcart::fuzz::Demo().RestoreSession((*session)->Snapshot()).ok(),
               "a loaded session's snapshot does not restore");
  } else {
    CheckError(session.status());
  }
  chatcart::ConversationInput input;
  input.conversation_id = kId;
  input.message_id = "m-fuzz";
  input.turn.set_text("hi");
  input.turn.mutable_time()->set_seconds(1795428000);
  auto out = (*conversations)->Handle(input);
  if (out.ok()) {
    CheckParsesBack(out->result);
    auto stored = store.Load(kId);
    FUZZ_CHECK(stored.ok(), "the answered conversation does not load");
    v1::ConversationRecord record;
    FUZZ_CHECK(chatcart::ParseBytes(stored->value, "record", &record).ok(),
               "the saved record does not parse");
    FUZZ_CHECK((*conversations)->Load(kId).ok(), "the saved conversation does not restore");
  } else {
    // A record it can read may still hold a turn the session refuses (a
    // time later than this one); anything else is a finding.
    CheckError(out.status());
    FUZZ_CHECK(out.status().code() != absl::StatusCode::kDataLoss,
               "an unreadable record is DATA_LOSS instead of a restart");
  }
  FUZZ_CHECK((*conversations)->Forget(kId).ok(), "forget failed");
}

// The bytes as the desk's records of one conversation and one agent.
void DeskRecords(const std::string& value) {
  v1::DeskConversation conversation;
  v1::DeskAgent agent;
  const bool is_conversation = chatcart::ParseBytes(value, "c", &conversation).ok();
  const bool is_agent = chatcart::ParseBytes(value, "a", &agent).ok();
  if (!is_conversation && !is_agent) return;
  std::shared_ptr<chatcart::DeskStore> store = chatcart::NewInMemoryDeskStore();
  chatcart::DeskWrite write;
  if (is_conversation) {
    conversation.set_id("c1");
    conversation.set_version(1);  // a new record, as the store's compare-and-set wants
    write.conversations.push_back(conversation);
  }
  if (is_agent) {
    agent.set_id("a1");
    agent.set_version(1);
    write.agents.push_back(agent);
  }
  FUZZ_CHECK(store->Commit(write).ok(), "the in-memory desk store refused a commit");
  auto desk = chatcart::Desk::Create(store);
  FUZZ_CHECK(desk.ok(), "the desk does not start");
  absl::Time now = absl::FromUnixSeconds(1795000000);
  auto check = [](const auto& result) {
    if (result.ok()) {
      CheckParsesBack(*result);
    } else {
      CheckError(result.status());
    }
  };
  check((*desk)->Conversation("c1"));
  check((*desk)->Agent("a1"));
  check((*desk)->QueueStatus("c1", now));
  check((*desk)->Transcript("c1"));
  check((*desk)->TranscriptEmail("c1", {}));
  check((*desk)->Heartbeat("a1", now));
  check((*desk)->Accept("a1", "c1", now));
  check((*desk)->AgentMessage("a1", "c1", "hello", now));
  check((*desk)->ShopperMessage("c1", "hi", now));
  check((*desk)->Resolve("a1", "c1", now));
  check((*desk)->RequestAgent({.conversation_id = "c1", .language = "en"}, now));
  check((*desk)->Tick(now + absl::Hours(1)));
  check((*desk)->SetAvailability("a1", v1::DeskAgent::OFFLINE, now + absl::Hours(1)));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  chatcart::fuzz::CountProtobufLogLines();
  if (size > (size_t{1} << 16)) return 0;
  const std::string value(reinterpret_cast<const char*>(data), size);
  chatcart::fuzz::ProtobufLogLines() = 0;
  SessionValue(Memory(), value);
  SessionValue(Sqlite(), value);
  ConversationRecord(Memory(), value);
  ConversationRecord(Sqlite(), value);
  DeskRecords(value);
  FUZZ_CHECK(chatcart::fuzz::ProtobufLogLines() == 0, "protobuf logged a line");
  return 0;
}
