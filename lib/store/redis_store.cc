// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// The Redis SessionStore. A conversation is one hash, <prefix>{<id>}:s:
//   v  version          d  the bytes        s  shopper
//   u  updated (ms)     e  expires (ms, 0)
// saved by one Lua script that compares v and writes (atomic: Redis runs a
// script to the end before any other command). Its lease is the string
// <prefix>{<id>}:lease; each save leaves <prefix>{<id>}:w:<token> for as long
// as its caller may retry it (see kSaveScript). The braces make every key of one conversation hash to
// one Redis Cluster slot. The shopper index, <prefix>shopper:{<shopper>}, is
// a set of ids, added to in the same round trip before each save (so no
// saved conversation is ever missing from it) and pruned when listing finds
// ids whose conversation is gone or changed hands.

#include <algorithm>
#include <memory>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "chatcart/store.h"
#include "common/status_macros.h"
#include "common/strings.h"
#include "store/redis_connection.h"
#include "store/store_internal.h"

namespace chatcart {
namespace {

using store_internal::CheckId;
using store_internal::RedisCommand;
using store_internal::RedisPool;
using store_internal::RedisReply;
using store_internal::RedisScript;

// KEYS[1] the hash, KEYS[2] this save's token key; ARGV expected, value,
// shopper, now, expires, token ttl (ms). Returns {1, new version}, {0,
// stored version} on a conflict, or {-1, v} for a stored version that is no
// number. The token key holds the version the save made for as long as the
// caller may retry it, so a save retried after its reply was lost finds it
// and returns that version, even when other saves came after it (a
// conflict would make its caller apply the same message twice).
const RedisScript kSaveScript(R"lua(
local v = redis.call('HGET', KEYS[1], 'v')
local stored = 0
if v then
  stored = tonumber(v)
  if not stored then return {-1, v} end
end
local expected = tonumber(ARGV[1])
if stored ~= expected then
  local made = redis.call('GET', KEYS[2])
  if made then return {1, tonumber(made)} end
  return {0, stored}
end
local nv = expected + 1
redis.call('HSET', KEYS[1], 'v', nv, 'd', ARGV[2], 's', ARGV[3], 'u', ARGV[4], 'e', ARGV[5])
if ARGV[5] ~= '0' then
  redis.call('PEXPIREAT', KEYS[1], ARGV[5])
else
  redis.call('PERSIST', KEYS[1])
end
redis.call('SET', KEYS[2], nv, 'PX', ARGV[6])
return {1, nv}
)lua");

// KEYS[1] the hash. Deletes it; returns its shopper ('' if none).
const RedisScript kDeleteScript(R"lua(
local s = redis.call('HGET', KEYS[1], 's')
redis.call('DEL', KEYS[1])
return s or ''
)lua");

// KEYS[1] the hash; ARGV shopper. Deletes it if it is the shopper's.
const RedisScript kDeleteIfShopperScript(R"lua(
if redis.call('HGET', KEYS[1], 's') == ARGV[1] then
  redis.call('DEL', KEYS[1])
  return 1
end
return 0
)lua");

// KEYS[1] the lease; ARGV owner, ttl ms. 1 when the owner holds it now.
const RedisScript kLeaseScript(R"lua(
local owner = redis.call('GET', KEYS[1])
if owner == false or owner == ARGV[1] then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
  return 1
end
return 0
)lua");

// KEYS[1] the lease; ARGV owner.
const RedisScript kReleaseScript(R"lua(
if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DEL', KEYS[1]) end
return 0
)lua");

// 64 random bits: what tells a save's retry from another save.
std::string Token() {
  thread_local std::mt19937_64 random(std::random_device{}());
  return absl::StrFormat("%016x", random());
}

class RedisSessionStore final : public SessionStore {
 public:
  explicit RedisSessionStore(const RedisStoreOptions& options)
      : prefix_(options.key_prefix),
        // Longer than any retry of the save: the pool gives up after
        // retry_deadline, a reply comes within command_timeout.
        token_ttl_(absl::StrCat(2 * options.retry_deadline.count() +
                                options.command_timeout.count() + 1000)),
        timers_key_(absl::StrCat(options.key_prefix, "timers")),
        pool_(options) {}

  absl::StatusOr<StoredSession> Load(std::string_view id) override {
    CHATCART_RETURN_IF_ERROR(CheckId("session id", id));
    std::string key = SessionKey(id);
    CHATCART_ASSIGN_OR_RETURN(RedisReply reply,
                              pool_.RunOne({nullptr, {"HMGET", key, "v", "d", "s", "u", "e"}}));
    if (reply.elements.size() != 5) return Malformed(id, "HMGET reply");
    if (reply.elements[0].is_nil()) {
      return absl::NotFoundError(absl::StrFormat("session \"%s\" not found", id));
    }
    StoredSession out;
    out.id = std::string(id);
    out.value = std::move(reply.elements[1].str);
    out.shopper = std::move(reply.elements[2].str);
    if (!absl::SimpleAtoi(reply.elements[0].str, &out.version) || out.version < 1 ||
        !absl::SimpleAtoi(reply.elements[3].str, &out.updated_at_ms) ||
        !absl::SimpleAtoi(reply.elements[4].str, &out.expires_at_ms)) {
      return Malformed(id, absl::StrCat("version \"", reply.elements[0].str, "\""));
    }
    return out;
  }

  absl::StatusOr<int64_t> Save(const SessionWrite& write) override {
    CHATCART_RETURN_IF_ERROR(store_internal::CheckWrite(write));
    std::string key = SessionKey(write.id);
    std::string expected = absl::StrCat(write.expected_version);
    std::string now = absl::StrCat(SystemClockMillis());
    std::string expires = absl::StrCat(write.expires_at_ms);
    std::string token_key = absl::StrCat(prefix_, "{", ToAbsl(write.id), "}:w:", Token());
    std::vector<RedisCommand> commands;
    std::string index;
    if (!write.shopper.empty()) {
      index = ShopperKey(write.shopper);
      commands.push_back({nullptr, {"SADD", index, write.id}});
    }
    commands.push_back({&kSaveScript,
                        {"2", key, token_key, expected, write.value, write.shopper, now, expires,
                         token_ttl_}});
    CHATCART_ASSIGN_OR_RETURN(std::vector<RedisReply> replies, pool_.Run(commands));
    const RedisReply& reply = replies.back();
    if (reply.elements.size() != 2 || reply.elements[0].type != RedisReply::Type::kInteger) {
      return Malformed(write.id, "save script reply");
    }
    if (reply.elements[0].integer == -1) {
      return Malformed(write.id, absl::StrCat("version \"", reply.elements[1].str, "\""));
    }
    int64_t version = reply.elements[1].integer;
    if (reply.elements[0].integer == 0) {
      return store_internal::Conflict(write.id, write.expected_version, version);
    }
    return version;
  }

  absl::Status Delete(std::string_view id) override {
    CHATCART_RETURN_IF_ERROR(CheckId("session id", id));
    std::string key = SessionKey(id);
    CHATCART_ASSIGN_OR_RETURN(RedisReply shopper, pool_.RunOne({&kDeleteScript, {"1", key}}));
    if (!shopper.str.empty()) {
      std::string index = ShopperKey(shopper.str);
      CHATCART_RETURN_IF_ERROR(pool_.RunOne({nullptr, {"SREM", index, id}}).status());
    }
    return absl::OkStatus();
  }

  absl::StatusOr<std::vector<StoredSessionInfo>> ListByShopper(
      std::string_view shopper) override {
    CHATCART_RETURN_IF_ERROR(CheckId("shopper", shopper));
    std::string index = ShopperKey(shopper);
    CHATCART_ASSIGN_OR_RETURN(RedisReply members, pool_.RunOne({nullptr, {"SMEMBERS", index}}));
    std::vector<StoredSessionInfo> out;
    if (members.elements.empty()) return out;
    std::vector<std::string> keys;
    std::vector<RedisCommand> reads;
    keys.reserve(members.elements.size());
    for (const RedisReply& m : members.elements) keys.push_back(SessionKey(m.str));
    for (const std::string& key : keys) reads.push_back({nullptr, {"HMGET", key, "v", "s", "u", "e"}});
    CHATCART_ASSIGN_OR_RETURN(std::vector<RedisReply> rows, pool_.Run(reads));
    std::vector<RedisCommand> prune;
    for (size_t i = 0; i < rows.size(); ++i) {
      const std::vector<RedisReply>& f = rows[i].elements;
      const std::string& id = members.elements[i].str;
      if (f.size() != 4 || f[0].is_nil() || f[1].str != shopper) {
        prune.push_back({nullptr, {"SREM", index, id}});
        continue;
      }
      StoredSessionInfo info;
      info.id = id;
      if (!absl::SimpleAtoi(f[0].str, &info.version) ||
          !absl::SimpleAtoi(f[2].str, &info.updated_at_ms) ||
          !absl::SimpleAtoi(f[3].str, &info.expires_at_ms)) {
        return Malformed(id, absl::StrCat("version \"", f[0].str, "\""));
      }
      out.push_back(std::move(info));
    }
    // The index only ever names too many; dropping stale names is an
    // optimization, so its failure is not the caller's.
    if (!prune.empty()) pool_.Run(prune).status().IgnoreError();
    std::sort(out.begin(), out.end(),
              [](const StoredSessionInfo& a, const StoredSessionInfo& b) { return a.id < b.id; });
    return out;
  }

  absl::StatusOr<int64_t> DeleteShopper(std::string_view shopper) override {
    CHATCART_RETURN_IF_ERROR(CheckId("shopper", shopper));
    std::string index = ShopperKey(shopper);
    CHATCART_ASSIGN_OR_RETURN(RedisReply members, pool_.RunOne({nullptr, {"SMEMBERS", index}}));
    std::vector<std::string> keys;
    keys.reserve(members.elements.size());
    for (const RedisReply& m : members.elements) keys.push_back(SessionKey(m.str));
    std::vector<RedisCommand> deletes;
    for (const std::string& key : keys) {
      deletes.push_back({&kDeleteIfShopperScript, {"1", key, shopper}});
    }
    int64_t deleted = 0;
    if (!deletes.empty()) {
      CHATCART_ASSIGN_OR_RETURN(std::vector<RedisReply> replies, pool_.Run(deletes));
      for (const RedisReply& r : replies) deleted += r.integer;
    }
    CHATCART_RETURN_IF_ERROR(pool_.RunOne({nullptr, {"DEL", index}}).status());
    return deleted;
  }

  absl::StatusOr<bool> TryAcquireLease(std::string_view id, std::string_view owner,
                                       int64_t ttl_ms) override {
    CHATCART_RETURN_IF_ERROR(store_internal::CheckLease(id, owner, ttl_ms));
    std::string key = LeaseKey(id);
    std::string ttl = absl::StrCat(ttl_ms);
    CHATCART_ASSIGN_OR_RETURN(RedisReply reply, pool_.RunOne({&kLeaseScript, {"1", key, owner, ttl}}));
    return reply.integer == 1;
  }

  absl::Status ReleaseLease(std::string_view id, std::string_view owner) override {
    CHATCART_RETURN_IF_ERROR(CheckId("session id", id));
    std::string key = LeaseKey(id);
    return pool_.RunOne({&kReleaseScript, {"1", key, owner}}).status();
  }

  // The timer index is one sorted set; a member is "<kind>:<id>" (kinds hold
  // no ':'), its score the due time (exact below 2^53).
  absl::Status SetTimer(const StoredTimer& timer) override {
    CHATCART_RETURN_IF_ERROR(store_internal::CheckTimer(timer));
    std::string member = absl::StrCat(timer.kind, ":", timer.id);
    std::string due = absl::StrCat(timer.due_at_ms);
    return pool_.RunOne({nullptr, {"ZADD", timers_key_, due, member}}).status();
  }

  absl::Status CancelTimer(std::string_view id, std::string_view kind) override {
    CHATCART_RETURN_IF_ERROR(CheckId("session id", id));
    CHATCART_RETURN_IF_ERROR(store_internal::CheckTimerKind(kind));
    std::string member = absl::StrCat(ToAbsl(kind), ":", ToAbsl(id));
    return pool_.RunOne({nullptr, {"ZREM", timers_key_, member}}).status();
  }

  absl::StatusOr<std::vector<StoredTimer>> DueTimers(int64_t now_ms, int limit) override {
    CHATCART_RETURN_IF_ERROR(store_internal::CheckDueTimers(limit));
    std::string now = absl::StrCat(now_ms);
    std::string count = absl::StrCat(limit);
    CHATCART_ASSIGN_OR_RETURN(
        RedisReply reply, pool_.RunOne({nullptr, {"ZRANGE", timers_key_, "-inf", now, "BYSCORE",
                                                  "LIMIT", "0", count, "WITHSCORES"}}));
    std::vector<StoredTimer> out;
    for (size_t i = 0; i + 1 < reply.elements.size(); i += 2) {
      const std::string& member = reply.elements[i].str;
      size_t colon = member.find(':');
      StoredTimer timer;
      if (colon == std::string::npos ||
          !absl::SimpleAtoi(reply.elements[i + 1].str, &timer.due_at_ms)) {
        return absl::DataLossError(absl::StrFormat("Redis %s: %s: malformed timer \"%s\"",
                                                   pool_.endpoint(), timers_key_, member));
      }
      timer.kind = member.substr(0, colon);
      timer.id = member.substr(colon + 1);
      out.push_back(std::move(timer));
    }
    return out;
  }

 private:
  std::string SessionKey(std::string_view id) const {
    return absl::StrCat(prefix_, "{", ToAbsl(id), "}:s");
  }
  std::string LeaseKey(std::string_view id) const {
    return absl::StrCat(prefix_, "{", ToAbsl(id), "}:lease");
  }
  std::string ShopperKey(std::string_view shopper) const {
    return absl::StrCat(prefix_, "shopper:{", ToAbsl(shopper), "}");
  }

  absl::Status Malformed(std::string_view id, std::string_view what) const {
    return absl::DataLossError(absl::StrFormat("Redis %s: session \"%s\": malformed %s",
                                               pool_.endpoint(), id, what));
  }

  const std::string prefix_;
  const std::string token_ttl_;
  const std::string timers_key_;
  RedisPool pool_;
};

}  // namespace

absl::StatusOr<std::unique_ptr<SessionStore>> OpenRedisSessionStore(
    const RedisStoreOptions& options) {
  CHATCART_RETURN_IF_ERROR(store_internal::CheckRedisOptions(options));
  return std::unique_ptr<SessionStore>(std::make_unique<RedisSessionStore>(options));
}

}  // namespace chatcart
