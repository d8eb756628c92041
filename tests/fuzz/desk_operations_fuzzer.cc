// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Any bytes as a sequence of agent-desk calls on one Desk over an in-memory
// DeskStore (#18, #22). Each call is a byte choosing it, a byte moving the
// clock (mostly forward, sometimes back beyond the desk's tolerance) and its
// arguments: ids from small pools (four conversations, three agents, two
// skills, three languages) or, for a few byte values, read from the input
// (any bytes, ill-formed UTF-8 included) or at kMaxIdBytes and one byte
// beyond it; texts read from the input. Checks after every call:
// - a failed call changes nothing (every record the run has named reads
//   back with the same bytes) and fails with a code the desk promises
//   (never INTERNAL, UNKNOWN, DATA_LOSS or ABORTED), its message short and
//   well-formed UTF-8;
// - what a call returns parses back from its bytes, and protobuf logs
//   nothing (no "invalid UTF-8" line: the desk keeps only well-formed text);
// - desk_stress_test's invariants: a chat in an agent's assigned or offered
//   list is in that state with that agent and in no other agent's lists;
//   an assigned chat is in its agent's list; messages are numbered 1..n; a
//   queued chat has a position.
// Replayed by channels_replay_main.cc over tests/fuzz/corpus/desk.

#include <cstdint>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/time/time.h"
#include "chatcart/desk.h"
#include "chatcart/desk_store.h"
#include "chatcart/limits.h"
#include "chatcart/wire.h"
#include "common/utf8_scrub.h"
#include "fuzz/fuzz_demo.h"

const char chatcart::fuzz::kTarget[] = "desk_operations_fuzzer";

namespace {

using chatcart::Desk;
namespace v1 = chatcart::v1;

constexpr int64_t kStartSeconds = 1795000000;
constexpr size_t kMaxCalls = 64;

// The input, read from the front; past its end every read is zero or empty.
class Reader {
 public:
  Reader(const uint8_t* data, size_t size) : p_(data), end_(data + size) {}
  bool done() const { return p_ >= end_; }
  uint8_t Byte() { return p_ < end_ ? *p_++ : 0; }
  // A length byte, then that many bytes (as many as are left).
  std::string Text() {
    size_t n = Byte();
    n = std::min<size_t>(n, end_ - p_);
    std::string s(reinterpret_cast<const char*>(p_), n);
    p_ += n;
    return s;
  }

 private:
  const uint8_t* p_;
  const uint8_t* end_;
};

std::string AtLimit() {
  std::string id;
  while (id.size() < chatcart::kMaxIdBytes) id += "\xc3\xa9";
  return id;
}

struct Run {
  std::unique_ptr<Desk> desk;
  absl::Time now = absl::FromUnixSeconds(kStartSeconds);
  std::set<std::string> conversations = {"c1", "c2", "c3", "c4"};
  std::set<std::string> agents = {"a1", "a2", "a3"};

  // An id of `pool`, or one read from the input, or one at the limit or
  // beyond it; named ids are remembered for the checks.
  std::string Id(Reader& in, const std::vector<std::string>& pool, std::set<std::string>* named) {
    const uint8_t b = in.Byte();
    std::string id;
    if (b == 255) {
      id = AtLimit() + "x";
    } else if (b == 254) {
      id = AtLimit();
    } else if (b >= 248) {
      id = in.Text();
    } else {
      return pool[b % pool.size()];
    }
    if (named != nullptr && named->size() < 12) named->insert(id);
    return id;
  }
  std::string Conversation(Reader& in) { return Id(in, {"c1", "c2", "c3", "c4"}, &conversations); }
  std::string Agent(Reader& in) { return Id(in, {"a1", "a2", "a3"}, &agents); }
  std::string Skill(Reader& in) { return Id(in, {"", "toys"}, nullptr); }
  std::string Language(Reader& in) { return Id(in, {"", "en", "it"}, nullptr); }

  // Every record of the ids given, as bytes (or the code of its absence).
  std::string Dump(const std::set<std::string>& conversation_ids,
                   const std::set<std::string>& agent_ids) const {
    std::string out;
    for (const std::string& id : conversation_ids) {
      auto c = desk->Conversation(id);
      out += c.ok() ? chatcart::DeterministicBytes(*c) : c.status().ToString();
      auto m = desk->Messages(id);
      if (m.ok()) {
        for (const v1::DeskMessage& message : *m) out += chatcart::DeterministicBytes(message);
      }
      out += '\n';
    }
    for (const std::string& id : agent_ids) {
      auto a = desk->Agent(id);
      out += a.ok() ? chatcart::DeterministicBytes(*a) : a.status().ToString();
      out += '\n';
    }
    return out;
  }

  void CheckError(const absl::Status& s) {
    FUZZ_CHECK(s.code() != absl::StatusCode::kInternal && s.code() != absl::StatusCode::kUnknown &&
                   s.code() != absl::StatusCode::kDataLoss &&
                   s.code() != absl::StatusCode::kAborted,
               "a desk call failed with a code it does not promise");
    chatcart::fuzz::CheckErrorMessage(s);
  }

  template <typename M>
  void CheckParsesBack(const M& message) {
    const std::string bytes = chatcart::DeterministicBytes(message);
    M back;
    FUZZ_CHECK(chatcart::ParseBytes(bytes, "fuzz", &back).ok(),
               "a returned message does not parse back");
    FUZZ_CHECK(chatcart::DeterministicBytes(back) == bytes, "a returned message changed");
  }

  // The agents' lists agree with the chats' states.
  void CheckInvariants() {
    std::map<std::string, int> held;
    for (const std::string& id : agents) {
      auto a = desk->Agent(id);
      if (!a.ok()) continue;
      for (const std::string& c : a->assigned()) {
        ++held[c];
        auto conv = desk->Conversation(c);
        FUZZ_CHECK(conv.ok(), "an assigned chat does not read");
        FUZZ_CHECK(conv->status() == v1::DeskConversation::ASSIGNED && conv->agent_id() == id,
                   "a chat in an agent's assigned list is not assigned to that agent");
      }
      for (const std::string& c : a->offered()) {
        ++held[c];
        auto conv = desk->Conversation(c);
        FUZZ_CHECK(conv.ok(), "an offered chat does not read");
        FUZZ_CHECK(conv->status() == v1::DeskConversation::QUEUED && conv->offer_agent_id() == id,
                   "a chat in an agent's offered list is not offered to that agent");
      }
    }
    for (const std::string& id : conversations) {
      auto conv = desk->Conversation(id);
      if (!conv.ok()) continue;
      CheckParsesBack(*conv);
      FUZZ_CHECK(held[id] <= 1, "a chat is in two agents' lists");
      if (conv->status() == v1::DeskConversation::ASSIGNED && agents.count(conv->agent_id()) > 0) {
        FUZZ_CHECK(held[id] == 1, "an assigned chat is in no agent's list");
      }
      if (conv->status() == v1::DeskConversation::QUEUED) {
        auto status = desk->QueueStatus(id, now);
        FUZZ_CHECK(status.ok() && status->position() >= 1, "a queued chat has no position");
      }
      auto messages = desk->Messages(id);
      FUZZ_CHECK(messages.ok(), "a chat's messages do not read");
      FUZZ_CHECK(static_cast<int64_t>(messages->size()) == conv->messages(),
                 "a chat's message count differs from its messages");
      for (size_t i = 0; i < messages->size(); ++i) {
        FUZZ_CHECK((*messages)[i].seq() == i + 1, "messages are not numbered 1..n");
        CheckParsesBack((*messages)[i]);
      }
    }
  }

  // One call read from `in`; returns its status.
  absl::Status Call(Reader& in) {
    const uint8_t op = in.Byte();
    const uint8_t dt = in.Byte();
    if (dt < 200) {
      now += absl::Seconds(dt);
    } else {
      now -= absl::Seconds(dt - 199);  // up to 56 s back, beyond the tolerance
    }
    auto update = [&](const absl::StatusOr<v1::DeskUpdate>& u) {
      if (u.ok()) CheckParsesBack(*u);
      return u.status();
    };
    switch (op % 22) {
      case 0: {
        chatcart::HandoffRequest r;
        r.conversation_id = Conversation(in);
        r.skill = Skill(in);
        r.language = Language(in);
        r.priority = static_cast<v1::DeskPriority>(in.Byte() % 5);
        r.reason = in.Text();
        r.title = in.Text();
        r.channel = in.Text();
        return update(desk->RequestAgent(r, now));
      }
      case 1: {
        std::string c = Conversation(in);
        return update(desk->ShopperMessage(c, in.Text(), now));
      }
      case 2: {
        std::string c = Conversation(in);
        return update(desk->BotMessage(c, in.Text(), now));
      }
      case 3:
        return update(desk->LeaveQueue(Conversation(in), now));
      case 4: {
        std::string c = Conversation(in);
        std::string text = in.Text();
        return update(desk->LeaveMessage(c, text, in.Text(), now));
      }
      case 5: {
        std::string c = Conversation(in);
        const int score = in.Byte() % 7;
        return update(desk->Rate(c, score, in.Text(), now));
      }
      case 6: {
        chatcart::AgentProfile p;
        p.id = Agent(in);
        p.name = in.Text();
        for (int i = in.Byte() % 3; i > 0; --i) p.skills.push_back(Skill(in));
        for (int i = in.Byte() % 3; i > 0; --i) p.languages.push_back(Language(in));
        p.capacity = in.Byte() % 23 - 1;
        return update(desk->SetAgent(p, now));
      }
      case 7:
        return update(desk->Heartbeat(Agent(in), now));
      case 8: {
        std::string a = Agent(in);
        return update(
            desk->SetAvailability(a, static_cast<v1::DeskAgent::Availability>(in.Byte() % 5), now));
      }
      case 9: {
        std::string a = Agent(in);
        return update(desk->Accept(a, Conversation(in), now));
      }
      case 10: {
        std::string a = Agent(in);
        return update(desk->Decline(a, Conversation(in), now));
      }
      case 11: {
        std::string a = Agent(in);
        return update(desk->Claim(a, Conversation(in), now));
      }
      case 12: {
        std::string c = Conversation(in);
        return update(desk->Assign(c, Agent(in), now));
      }
      case 13: {
        std::string a = Agent(in);
        std::string c = Conversation(in);
        return update(desk->AgentMessage(a, c, in.Text(), now));
      }
      case 14: {
        std::string a = Agent(in);
        std::string c = Conversation(in);
        return update(desk->AddNote(a, c, in.Text(), now));
      }
      case 15: {
        std::string a = Agent(in);
        std::string c = Conversation(in);
        const int minutes = static_cast<int8_t>(in.Byte());
        return update(desk->Snooze(a, c, now + absl::Minutes(minutes), now));
      }
      case 16: {
        std::string a = Agent(in);
        return update(desk->Resolve(a, Conversation(in), now));
      }
      case 17:
      case 18:
        return update(desk->Tick(now));
      case 19: {
        auto t = desk->Transcript(Conversation(in));
        if (t.ok()) CheckParsesBack(*t);
        return t.status();
      }
      case 20: {
        std::string c = Conversation(in);
        chatcart::TranscriptEmailOptions o;
        o.subject = in.Text();
        o.reply_to = in.Text();
        auto e = desk->TranscriptEmail(c, o);
        if (e.ok()) CheckParsesBack(*e);
        return e.status();
      }
      default: {
        auto json = desk->CallJson(in.Text(), now);
        if (json.ok()) {
          FUZZ_CHECK(chatcart::IsWellFormedUtf8(*json), "CallJson returned ill-formed UTF-8");
        }
        return json.status();
      }
    }
  }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  chatcart::fuzz::CountProtobufLogLines();
  chatcart::DeskOptions options;
  options.offer_timeout = absl::Seconds(30);
  options.default_capacity = 2;
  options.store_name = "Toyland";
  auto desk = Desk::Create(chatcart::NewInMemoryDeskStore(), options);
  FUZZ_CHECK(desk.ok(), "the desk does not start");
  Run run;
  run.desk = *std::move(desk);
  Reader in(data, size);
  chatcart::fuzz::ProtobufLogLines() = 0;
  for (size_t calls = 0; calls < kMaxCalls && !in.done(); ++calls) {
    const std::set<std::string> conversations = run.conversations;
    const std::set<std::string> agents = run.agents;
    const std::string before = run.Dump(conversations, agents);
    const absl::Status status = run.Call(in);
    if (!status.ok()) {
      run.CheckError(status);
      FUZZ_CHECK(run.Dump(conversations, agents) == before, "a failed call changed the desk");
    }
    run.CheckInvariants();
    FUZZ_CHECK(chatcart::fuzz::ProtobufLogLines() == 0, "protobuf logged a line");
  }
  return 0;
}
