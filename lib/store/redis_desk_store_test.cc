// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// The Redis DeskStore against the desk's own in-memory one: the same random
// commits (records with versions, set changes, messages) applied to both
// give the same answers to every query; a stale commit changes nothing in
// either; concurrent claims through the atomic commit give each member to
// one claimer. Against a real redis-server (skipped, with one line, without
// one).

#include <atomic>
#include <map>
#include <random>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "chatcart/desk.h"
#include "chatcart/desk_store.h"
#include "chatcart/store.h"
#include "common/testing/status_matchers.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "hiredis/hiredis.h"
#include "store/testing/redis_server.h"

namespace chatcart {
namespace {

using ::chatcart::testing::IsOkAndHolds;
using ::chatcart::testing::StatusIs;
using ::testing::AllOf;
using ::testing::HasSubstr;

std::string Bytes(const google::protobuf::MessageLite& m) { return m.SerializeAsString(); }

// One command on a connection of its own, behind the store's back; false
// when Redis did not take it.
bool RawCommand(int port, const std::vector<std::string>& argv) {
  redisContext* c = redisConnect("127.0.0.1", port);
  if (c == nullptr || c->err != 0) {
    if (c != nullptr) redisFree(c);
    return false;
  }
  std::vector<const char*> args;
  std::vector<size_t> lengths;
  for (const std::string& a : argv) {
    args.push_back(a.data());
    lengths.push_back(a.size());
  }
  auto* r = static_cast<redisReply*>(
      redisCommandArgv(c, static_cast<int>(args.size()), args.data(), lengths.data()));
  bool ok = r != nullptr && r->type != REDIS_REPLY_ERROR;
  if (r != nullptr) freeReplyObject(r);
  redisFree(c);
  return ok;
}

class RedisDeskStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    CHATCART_START_REDIS(redis);
    redis_ = std::move(redis);
    auto opened = OpenRedisDeskStore({.port = redis_->port()});
    ASSERT_OK(opened);
    redis_store_ = *opened;
    memory_store_ = NewInMemoryDeskStore();
  }

  std::unique_ptr<testing::RedisServer> redis_;
  std::shared_ptr<DeskStore> redis_store_;
  std::shared_ptr<DeskStore> memory_store_;
};

// 400 random commits on both stores, each a mix of records (sometimes with
// a stale version), set adds/moves/removes with tied scores, and messages;
// after each, the answers to random queries agree.
TEST_F(RedisDeskStoreTest, AgreesWithTheInMemoryStoreOnRandomCommits) {
  std::mt19937 random(7);
  auto pick = [&](int n) { return static_cast<int>(random() % n); };
  std::map<std::string, uint64_t> conversation_versions, agent_versions;
  const std::vector<std::string> sets = {"q:toys|en", "u:toys|en", "a:toys|en", "t", "queues"};
  int aborted = 0;
  for (int round = 0; round < 400; ++round) {
    DeskWrite write;
    bool stale = pick(10) == 0;
    for (int i = pick(3); i > 0; --i) {
      std::string id = absl::StrCat("web-", pick(6));
      v1::DeskConversation c;
      c.set_id(id);
      c.set_version(conversation_versions[id] + (stale ? 0 : 1) + (stale && pick(2) ? 2 : 0));
      c.set_skill("toys");
      c.set_messages(pick(100));
      if (std::none_of(write.conversations.begin(), write.conversations.end(),
                       [&](const auto& w) { return w.id() == id; })) {
        write.conversations.push_back(c);
      }
    }
    if (pick(3) == 0) {
      std::string id = absl::StrCat("agent-", pick(3));
      v1::DeskAgent a;
      a.set_id(id);
      a.set_version(agent_versions[id] + 1);
      write.agents.push_back(a);
    }
    for (int i = pick(5); i > 0; --i) {
      write.set_ops.push_back({sets[pick(sets.size())], absl::StrCat("m", pick(8)),
                               static_cast<int64_t>(pick(4)) * 1000, pick(4) == 0});
    }
    for (int i = pick(3); i > 0; --i) {
      v1::DeskMessage m;
      m.set_conversation_id(absl::StrCat("web-", pick(6)));
      m.set_text(absl::StrCat("text ", round, " ", i));
      write.messages.push_back(m);
    }
    absl::Status in_memory = memory_store_->Commit(write);
    absl::Status in_redis = redis_store_->Commit(write);
    ASSERT_EQ(in_memory.code(), in_redis.code()) << "round " << round << ": " << in_memory
                                                 << " vs " << in_redis;
    if (in_memory.ok()) {
      for (const auto& c : write.conversations) conversation_versions[c.id()] = c.version();
      for (const auto& a : write.agents) agent_versions[a.id()] = a.version();
    } else {
      ++aborted;
    }
    for (int q = 0; q < 6; ++q) {
      std::string set = sets[pick(sets.size())];
      std::string member = absl::StrCat("m", pick(8));
      ASSERT_EQ(*memory_store_->Rank(set, member), *redis_store_->Rank(set, member)) << set;
      ASSERT_EQ(*memory_store_->Count(set), *redis_store_->Count(set)) << set;
      int64_t score = pick(5) * 1000;
      ASSERT_EQ(*memory_store_->CountBelow(set, score), *redis_store_->CountBelow(set, score));
      int start = pick(4), limit = pick(6);
      auto a = memory_store_->Range(set, start, limit);
      auto b = redis_store_->Range(set, start, limit);
      ASSERT_OK(a);
      ASSERT_OK(b);
      ASSERT_EQ(a->size(), b->size()) << set;
      for (size_t i = 0; i < a->size(); ++i) {
        EXPECT_EQ((*a)[i].member, (*b)[i].member) << set << " rank " << start + i;
        EXPECT_EQ((*a)[i].score, (*b)[i].score);
      }
      std::string id = absl::StrCat("web-", pick(6));
      auto ca = memory_store_->GetConversation(id);
      auto cb = redis_store_->GetConversation(id);
      ASSERT_OK(ca);
      ASSERT_OK(cb);
      ASSERT_EQ(ca->has_value(), cb->has_value());
      if (ca->has_value()) EXPECT_EQ(Bytes(**ca), Bytes(**cb));
      auto ma = memory_store_->GetMessages(id);
      auto mb = redis_store_->GetMessages(id);
      ASSERT_OK(ma);
      ASSERT_OK(mb);
      ASSERT_EQ(ma->size(), mb->size());
      for (size_t i = 0; i < ma->size(); ++i) EXPECT_EQ(Bytes((*ma)[i]), Bytes((*mb)[i]));
    }
  }
  EXPECT_GT(aborted, 10) << "the stale commits were meant to be refused sometimes";
}

TEST_F(RedisDeskStoreTest, AStaleCommitAppliesNothingAndSaysWhich) {
  DeskWrite first;
  v1::DeskConversation c;
  c.set_id("web-1");
  c.set_version(1);
  first.conversations.push_back(c);
  ASSERT_OK(redis_store_->Commit(first));
  DeskWrite stale = first;  // version 1 again: the stored one is 1
  stale.set_ops.push_back({"q:toys|en", "web-1", 5, false});
  v1::DeskMessage m;
  m.set_conversation_id("web-1");
  stale.messages.push_back(m);
  EXPECT_THAT(redis_store_->Commit(stale),
              StatusIs(absl::StatusCode::kAborted, HasSubstr("conversation \"web-1\"")));
  EXPECT_THAT(redis_store_->Count("q:toys|en"), IsOkAndHolds(0));
  EXPECT_THAT(redis_store_->GetMessages("web-1"), IsOkAndHolds(::testing::IsEmpty()));
  DeskWrite no_version;
  no_version.agents.emplace_back().set_id("agent-1");
  EXPECT_THAT(redis_store_->Commit(no_version), StatusIs(absl::StatusCode::kInvalidArgument));
}

TEST_F(RedisDeskStoreTest, CountersAndRanksWorkAcrossStores) {
  auto other = OpenRedisDeskStore({.port = redis_->port(), .pool_size = 1});
  ASSERT_OK(other);
  EXPECT_THAT(redis_store_->Increment("display_id"), IsOkAndHolds(1));
  EXPECT_THAT((*other)->Increment("display_id"), IsOkAndHolds(2));
  DeskWrite w;
  w.set_ops.push_back({"q:toys|en", "web-2", 2000, false});
  w.set_ops.push_back({"q:toys|en", "web-1", 1000, false});
  ASSERT_OK(redis_store_->Commit(w));
  EXPECT_THAT((*other)->Rank("q:toys|en", "web-2"), IsOkAndHolds(std::optional<int64_t>(1)));
  EXPECT_THAT((*other)->Rank("q:toys|en", "web-9"), IsOkAndHolds(std::nullopt));
}

// The claim pattern the desk uses: read a conversation at version v, commit
// it at v + 1 with the agent, retry on ABORTED. Eight threads on two stores
// (two processes' worth of connections) claim 50 conversations; each goes to
// exactly one claimer.
TEST_F(RedisDeskStoreTest, ConcurrentClaimsGiveEachConversationToOneAgent) {
  auto other = OpenRedisDeskStore({.port = redis_->port()});
  ASSERT_OK(other);
  DeskWrite seed;
  for (int i = 0; i < 50; ++i) {
    v1::DeskConversation c;
    c.set_id(absl::StrCat("web-", i));
    c.set_version(1);
    seed.conversations.push_back(c);
    seed.set_ops.push_back({"q:toys|en", c.id(), i, false});
  }
  ASSERT_OK(redis_store_->Commit(seed));
  std::atomic<int> claimed{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    DeskStore* store = t % 2 == 0 ? redis_store_.get() : other->get();
    threads.emplace_back([&, store, t] {
      for (;;) {
        auto head = store->Range("q:toys|en", 0, 1);
        ASSERT_OK(head);
        if (head->empty()) return;
        auto c = store->GetConversation((*head)[0].member);
        ASSERT_OK(c);
        if (!c->has_value()) continue;
        v1::DeskConversation next = **c;
        if (!next.agent_id().empty()) continue;
        next.set_agent_id(absl::StrCat("agent-", t));
        next.set_version(next.version() + 1);
        DeskWrite w;
        w.conversations.push_back(next);
        w.set_ops.push_back({"q:toys|en", next.id(), 0, true});
        absl::Status s = store->Commit(w);
        if (s.ok()) {
          ++claimed;
        } else {
          ASSERT_TRUE(absl::IsAborted(s)) << s;
        }
      }
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(claimed.load(), 50);
  for (int i = 0; i < 50; ++i) {
    auto c = redis_store_->GetConversation(absl::StrCat("web-", i));
    ASSERT_OK(c);
    EXPECT_EQ((*c)->version(), 2u);
    EXPECT_FALSE((*c)->agent_id().empty());
  }
}

// Issue #22: a desk over Redis keeps its records as protobuf bytes. Handed
// ill-formed UTF-8 in every free text, it stored records protobuf could not
// read back (and protobuf logged an ERROR line to stderr for each string it
// serialized); the desk now keeps such text with U+FFFD and refuses
// ill-formed ids, so everything reads back and stderr stays quiet.
TEST_F(RedisDeskStoreTest, Issue22IllFormedTextReadsBackWithoutProtobufErrorLines) {
  const std::string bad = "caff\xe8 \xff\xfe \xc0\xaf";
  auto at = [](int s) { return absl::FromUnixSeconds(1795000000 + s); };
  DeskOptions options;
  options.store_name = bad;
  auto created = Desk::Create(redis_store_, options);
  ASSERT_OK(created);
  Desk& desk = **created;
  std::vector<v1::DeskUpdate> updates;
  ::testing::internal::CaptureStderr();
  auto keep = [&](absl::StatusOr<v1::DeskUpdate> u) {
    EXPECT_OK(u);
    if (u.ok()) updates.push_back(*std::move(u));
  };
  keep(desk.SetAgent({.id = "nick", .name = bad, .skills = {"toys"}}, at(0)));
  keep(desk.SetAvailability("nick", v1::DeskAgent::ONLINE, at(0)));
  keep(desk.RequestAgent(
      {.conversation_id = "web-1", .skill = "toys", .reason = bad, .title = bad, .channel = bad},
      at(1)));
  keep(desk.Accept("nick", "web-1", at(2)));
  keep(desk.ShopperMessage("web-1", bad, at(3)));
  keep(desk.AgentMessage("nick", "web-1", bad, at(4)));
  keep(desk.AddNote("nick", "web-1", bad, at(5)));
  keep(desk.Resolve("nick", "web-1", at(6)));
  keep(desk.Rate("web-1", 5, bad, at(7)));
  keep(desk.LeaveMessage("web-2", bad, bad, at(8)));
  // Ids are refused before anything is stored.
  EXPECT_THAT(desk.ShopperMessage("web-\xff", "hi", at(9)),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("not well-formed UTF-8")));
  for (const v1::DeskUpdate& u : updates) {
    v1::DeskUpdate back;
    EXPECT_TRUE(back.ParseFromString(u.SerializeAsString()));
  }
  absl::StatusOr<v1::DeskConversation> c = desk.Conversation("web-1");
  ASSERT_OK(c);
  EXPECT_THAT(c->reason(), HasSubstr("caff\uFFFD"));
  EXPECT_THAT(c->rating().comment(), HasSubstr("caff\uFFFD"));
  ASSERT_OK(desk.Conversation("web-2"));
  absl::StatusOr<v1::DeskAgent> agent = desk.Agent("nick");
  ASSERT_OK(agent);
  EXPECT_THAT(agent->name(), HasSubstr("caff\uFFFD"));
  absl::StatusOr<std::vector<v1::DeskMessage>> messages = desk.Messages("web-1");
  ASSERT_OK(messages);
  EXPECT_GE(messages->size(), 4u);
  ASSERT_OK(desk.TranscriptEmail("web-1", {.subject = bad, .reply_to = bad}));
  const std::string err = ::testing::internal::GetCapturedStderr();
  EXPECT_THAT(err, ::testing::Not(HasSubstr("invalid UTF-8"))) << err.substr(0, 2000);
  EXPECT_THAT(err, ::testing::Not(HasSubstr("[libprotobuf ERROR"))) << err.substr(0, 2000);
}

// Issue #22: the store parsed what Redis handed back with ParseFromString,
// so a corrupted record or message holding a string that is not
// well-formed UTF-8 made protobuf log an ERROR line ("String field ...
// contains invalid UTF-8 data when parsing") before the read failed. It is
// refused now with DATA_LOSS naming the key and the field, and nothing is
// logged.
TEST_F(RedisDeskStoreTest, Issue22AnIllFormedStoredStringIsDataLossNamingTheFieldWithoutALogLine) {
  DeskWrite write;
  v1::DeskConversation c;
  c.set_id("web-1");
  c.set_version(1);
  c.set_skill("toys");
  write.conversations.push_back(c);
  v1::DeskAgent a;
  a.set_id("nick");
  a.set_version(1);
  a.set_name("Nick");
  write.agents.push_back(a);
  v1::DeskMessage m;
  m.set_conversation_id("web-1");
  m.set_text("hello");
  write.messages.push_back(m);
  write.messages.push_back(m);
  ASSERT_OK(redis_store_->Commit(write));
  auto corrupt = [](std::string bytes, std::string_view good) {
    size_t at = bytes.find(good);
    EXPECT_NE(at, std::string::npos) << good;
    if (at != std::string::npos) bytes.replace(at, good.size(), std::string(good.size(), '\xff'));
    return bytes;
  };
  const int port = redis_->port();
  ASSERT_TRUE(
      RawCommand(port, {"HSET", "chatcart:{desk}:c:web-1", "d", corrupt(Bytes(c), "toys")}));
  ASSERT_TRUE(RawCommand(port, {"HSET", "chatcart:{desk}:a:nick", "d", corrupt(Bytes(a), "Nick")}));
  ASSERT_TRUE(
      RawCommand(port, {"LSET", "chatcart:{desk}:m:web-1", "1", corrupt(Bytes(m), "hello")}));

  ::testing::internal::CaptureStderr();
  EXPECT_THAT(redis_store_->GetConversation("web-1"),
              StatusIs(absl::StatusCode::kDataLoss,
                       AllOf(HasSubstr("desk key chatcart:{desk}:c:web-1"),
                             HasSubstr("chatcart.v1.DeskConversation.skill is not well-formed"))));
  EXPECT_THAT(redis_store_->GetAgent("nick"),
              StatusIs(absl::StatusCode::kDataLoss,
                       AllOf(HasSubstr("desk key chatcart:{desk}:a:nick"),
                             HasSubstr("chatcart.v1.DeskAgent.name is not well-formed"))));
  EXPECT_THAT(redis_store_->GetMessages("web-1"),
              StatusIs(absl::StatusCode::kDataLoss,
                       AllOf(HasSubstr("desk key chatcart:{desk}:m:web-1: malformed message 1"),
                             HasSubstr("chatcart.v1.DeskMessage.text is not well-formed"))));
  const std::string err = ::testing::internal::GetCapturedStderr();
  EXPECT_EQ(err, "") << err.substr(0, 2000);

  // Bytes that do not parse stay DATA_LOSS, as before: the id declared 5
  // bytes long, "ab" and the end.
  ASSERT_TRUE(RawCommand(port, {"HSET", "chatcart:{desk}:c:web-1", "d", "\x0a\x05\x61\x62"}));
  EXPECT_THAT(redis_store_->GetConversation("web-1"),
              StatusIs(absl::StatusCode::kDataLoss, HasSubstr("malformed record")));
}

}  // namespace
}  // namespace chatcart
