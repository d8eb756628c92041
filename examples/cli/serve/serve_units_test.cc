// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// The storefront's pieces on their own: the event log's order, bound and
// epochs, the rate limiter's buckets, the accounts file and its passwords,
// agent sessions' expiry and CSRF tokens, the metrics' histogram.

#include <chrono>
#include <thread>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "serve/accounts.h"
#include "serve/agent_sessions.h"
#include "serve/event_log.h"
#include "serve/metrics.h"
#include "serve/rate_limiter.h"

namespace chatcart::serve {
namespace {

using ::testing::HasSubstr;
using namespace std::chrono_literals;

TEST(EventLog, ReadersGetWhatCameAfterTheirPositionInOrder) {
  EventLog log(10, 10);
  EXPECT_EQ(log.Append("c", "shopper", "{\"text\":\"hi\"}"), 1u);
  EXPECT_EQ(log.Append("c", "bot", "{}"), 2u);
  EXPECT_EQ(log.Append("other", "bot", "{}"), 1u);
  EventLog::Read all = log.After("c", 0, 0ms);
  ASSERT_EQ(all.events.size(), 2u);
  EXPECT_EQ(all.events[0].type, "shopper");
  EXPECT_FALSE(all.trimmed);
  EventLog::Read rest = log.After("c", 1, 0ms);
  ASSERT_EQ(rest.events.size(), 1u);
  EXPECT_EQ(rest.events[0].seq, 2u);
  EXPECT_TRUE(log.After("c", 2, 0ms).events.empty());
}

TEST(EventLog, ARetriedMessageIsLoggedOnce) {
  EventLog log(10, 10);
  EXPECT_EQ(log.AppendOnce("c", "m-1", "shopper", "{}"), 1u);
  EXPECT_EQ(log.AppendOnce("c", "m-1", "shopper", "{}"), 0u);
  EXPECT_EQ(log.After("c", 0, 0ms).events.size(), 1u);
}

TEST(EventLog, KeepsTheLastEventsAndSaysWhenOlderOnesAreGone) {
  EventLog log(3, 10);
  for (int i = 0; i < 5; ++i) log.Append("c", "bot", "{}");
  EventLog::Read read = log.After("c", 0, 0ms);
  ASSERT_EQ(read.events.size(), 3u);
  EXPECT_EQ(read.events.front().seq, 3u);
  EXPECT_TRUE(read.trimmed);
  EXPECT_FALSE(log.After("c", 2, 0ms).trimmed);
}

TEST(EventLog, AnIdOfAnotherProcessStartsFromTheBeginning) {
  EventLog log(10, 10);
  const std::string id = log.IdOf(7);
  EXPECT_EQ(log.SeqOf(id), 7u);
  EventLog other(10, 10);
  EXPECT_EQ(other.SeqOf(id), 0u);  // another epoch (a 1 in 10^9 chance of a clash)
  EXPECT_EQ(log.SeqOf(""), 0u);
  EXPECT_EQ(log.SeqOf("garbage"), 0u);
  EXPECT_EQ(log.SeqOf(id.substr(0, id.find('.')) + ".x"), 0u);
}

TEST(EventLog, ForgetsTheLeastRecentConversationButNotOneBeingRead) {
  EventLog log(10, 2);
  log.Append("a", "bot", "{}");
  log.Append("b", "bot", "{}");
  std::thread reader([&] { EXPECT_EQ(log.After("a", 1, 2000ms).events.size(), 1u); });
  std::this_thread::sleep_for(100ms);  // the reader waits on "a"
  log.Append("c", "bot", "{}");        // evicts "b", not "a"
  EXPECT_EQ(log.After("b", 0, 0ms).events.size(), 0u);
  log.Append("a", "bot", "{}");
  reader.join();
  EXPECT_EQ(log.conversations(), 2u);
}

TEST(EventLog, ForgetsTheLeastRecentConversationsBeyondItsBytes) {
  EventLog log(100, 100, /*max_bytes=*/1000);
  const std::string data(100, 'x');  // 103 bytes an event with its type "bot"
  for (int i = 0; i < 4; ++i) log.Append("old", "bot", data);
  for (int i = 0; i < 4; ++i) log.Append("new", "bot", data);
  EXPECT_EQ(log.bytes(), 8u * 103);
  log.Append("newest", "bot", data);
  log.Append("newest", "bot", data);  // 1,030 bytes: "old" goes
  EXPECT_EQ(log.conversations(), 2u);
  EXPECT_EQ(log.bytes(), 6u * 103);
  EXPECT_TRUE(log.After("old", 0, 0ms).events.empty());
  EXPECT_EQ(log.After("new", 0, 0ms).events.size(), 4u);
}

TEST(EventLog, TrimmingAConversationGivesItsBytesBack) {
  EventLog log(2, 10);
  for (int i = 0; i < 5; ++i) log.Append("c", "bot", "12345");
  EXPECT_EQ(log.bytes(), 2u * 8);
}

TEST(EventLog, CloseWakesWaitingReaders) {
  EventLog log(10, 10);
  auto start = std::chrono::steady_clock::now();
  std::thread reader([&] { EXPECT_TRUE(log.After("c", 0, 10000ms).events.empty()); });
  std::this_thread::sleep_for(50ms);
  log.Close();
  reader.join();
  EXPECT_LT(std::chrono::steady_clock::now() - start, 5s);
}

TEST(RateLimiter, ABurstThenOneMessagePerRefill) {
  RateLimiter limiter(3, 1000ms);
  auto t = RateLimiter::Clock::now();
  for (int i = 0; i < 3; ++i) EXPECT_TRUE(limiter.Allow("c", t)) << i;
  EXPECT_FALSE(limiter.Allow("c", t));
  EXPECT_TRUE(limiter.Allow("other", t));
  EXPECT_FALSE(limiter.Allow("c", t + 500ms));
  EXPECT_TRUE(limiter.Allow("c", t + 1100ms));
  EXPECT_FALSE(limiter.Allow("c", t + 1200ms));
  for (int i = 0; i < 3; ++i) EXPECT_TRUE(limiter.Allow("c", t + 60s)) << i;
}

TEST(Accounts, ALineFromAccountLineVerifiesItsPasswordOnly) {
  absl::StatusOr<std::string> line = AccountLine("nick", "Nick <b>", "correct horse", 10000);
  ASSERT_TRUE(line.ok()) << line.status();
  absl::StatusOr<Accounts> accounts = Accounts::Parse("# agents\n\n" + *line + "\n", "agents.txt");
  ASSERT_TRUE(accounts.ok()) << accounts.status();
  const Account* nick = accounts->Verify("nick", "correct horse");
  ASSERT_NE(nick, nullptr);
  EXPECT_EQ(nick->name, "Nick <b>");
  EXPECT_EQ(accounts->Verify("nick", "correct horsE"), nullptr);
  EXPECT_EQ(accounts->Verify("nick", ""), nullptr);
  EXPECT_EQ(accounts->Verify("ada", "correct horse"), nullptr);
  // A fresh salt each time.
  EXPECT_NE(*line, *AccountLine("nick", "Nick <b>", "correct horse", 10000));
}

TEST(Accounts, AMalformedFileIsRefusedNamingTheLine) {
  std::string good = *AccountLine("nick", "Nick", "correct horse", 10000);
  EXPECT_THAT(Accounts::Parse("\n" + good + "\n" + good, "a.txt").status().message(),
              HasSubstr("a.txt:3: the id nick is given twice"));
  EXPECT_THAT(Accounts::Parse("nick:Nick:md5:1:aa:bb", "a.txt").status().message(),
              HasSubstr("a.txt:1: the only scheme is pbkdf2-sha256"));
  EXPECT_THAT(Accounts::Parse("nick:Nick:pbkdf2-sha256:100", "a.txt").status().message(),
              HasSubstr("a.txt:1: want id:name:"));
  std::string weak = good;
  weak.replace(weak.find(":10000:"), 7, ":999:");
  EXPECT_THAT(Accounts::Parse(weak, "a.txt").status().message(),
              HasSubstr("iterations must be a number of at least 10000"));
  EXPECT_FALSE(AccountLine("ni ck", "Nick", "correct horse").ok());
  EXPECT_FALSE(AccountLine("nick", "Ni:ck", "correct horse").ok());
  EXPECT_FALSE(AccountLine("nick", "Nick", "short").ok());
}

TEST(AgentSessions, ACookieFindsItsSessionUntilItExpiresOrEnds) {
  AgentSessions sessions(std::chrono::hours(1));
  AgentSessions::Session s;
  std::string token = sessions.Start("nick", &s);
  EXPECT_EQ(token.size(), 64u);
  auto now = AgentSessions::Clock::now();
  ASSERT_TRUE(sessions.Find(token, now).has_value());
  EXPECT_EQ(sessions.Find(token, now)->agent_id, "nick");
  EXPECT_FALSE(sessions.Find(std::string(64, 'a'), now).has_value());  // forged
  EXPECT_FALSE(sessions.Find(token.substr(1), now).has_value());
  EXPECT_FALSE(sessions.Find(token, now + std::chrono::hours(2)).has_value());  // expired
  EXPECT_FALSE(sessions.Find(token, now).has_value());                          // and gone
  std::string other = sessions.Start("nick");
  EXPECT_NE(other, token);
  sessions.End(other);
  EXPECT_FALSE(sessions.Find(other).has_value());
}

TEST(AgentSessions, TheCsrfTokenIsTheSessionsOwn) {
  AgentSessions sessions;
  AgentSessions::Session a, b;
  sessions.Start("nick", &a);
  sessions.Start("nick", &b);
  EXPECT_TRUE(AgentSessions::CsrfMatches(a, a.csrf));
  EXPECT_FALSE(AgentSessions::CsrfMatches(a, b.csrf));
  EXPECT_FALSE(AgentSessions::CsrfMatches(a, ""));
  EXPECT_FALSE(AgentSessions::CsrfMatches(a, a.csrf.substr(1)));
}

TEST(Metrics, TheHistogramIsCumulativeAndCountsEveryTurn) {
  Metrics m;
  m.Turn(true, false, 0.0005);
  m.Turn(true, false, 0.02);
  m.Turn(false, false, 9.0);
  m.Turn(true, true, 0.003);
  const std::string text = m.Text(-1, -1, 0);
  EXPECT_THAT(text, HasSubstr("chatcart_turns_total{outcome=\"ok\"} 2\n"));
  EXPECT_THAT(text, HasSubstr("chatcart_turns_total{outcome=\"duplicate\"} 1\n"));
  EXPECT_THAT(text, HasSubstr("chatcart_turns_total{outcome=\"error\"} 1\n"));
  EXPECT_THAT(text, HasSubstr("chatcart_turn_seconds_bucket{le=\"0.001\"} 1\n"));
  EXPECT_THAT(text, HasSubstr("chatcart_turn_seconds_bucket{le=\"0.005\"} 2\n"));
  EXPECT_THAT(text, HasSubstr("chatcart_turn_seconds_bucket{le=\"5\"} 3\n"));
  EXPECT_THAT(text, HasSubstr("chatcart_turn_seconds_bucket{le=\"+Inf\"} 4\n"));
  EXPECT_THAT(text, HasSubstr("chatcart_turn_seconds_count 4\n"));
  EXPECT_THAT(text, ::testing::Not(HasSubstr("chatcart_queue_length")));
  EXPECT_THAT(m.Text(3, 1, 0), HasSubstr("chatcart_queue_length 3\n"));
}

}  // namespace
}  // namespace chatcart::serve
