// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// The agent desk's state (include/chatcart/desk_store.h) in Redis, so any
// process serves any agent and any shopper. Every key shares the hash tag
// {desk} (<prefix>{desk}:...), so the desk's multi-key commits run as one
// Lua script, also on Redis Cluster, where the whole desk lives in one slot:
//   c:<id>, a:<id>, q:<queue>   records: hashes {v: version, d: protobuf bytes}
//   s:<set>                     ordered sets: ZSETs (score, then member bytes:
//                               the order DeskStore specifies)
//   m:<conversation>            messages: a list of protobuf bytes
//   n:<name>                    counters (INCR)
//   w:<token>                   a commit's token, kept for its retry window
// A commit checks every record's version and applies records, set changes
// and messages in one script (atomic: Redis runs a script to the end before
// any other command). A commit whose reply was lost and is retried finds its
// token and is not applied twice.

#include <memory>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "chatcart/desk_store.h"
#include "chatcart/store.h"
#include "common/status_macros.h"
#include "common/strings.h"
#include "common/wire_utf8.h"
#include "store/redis_connection.h"

namespace chatcart {
namespace {

using store_internal::RedisCommand;
using store_internal::RedisPool;
using store_internal::RedisReply;
using store_internal::RedisScript;

// KEYS: the token key, then nrec record keys, nset set keys, nmsg list keys.
// ARGV: token ttl, nrec, nset, nmsg; per record: new version, bytes; per set
// op: "+" or "-", member, score; per message: bytes. Returns {1} when
// applied (now or by an earlier try), {0, i, stored} when record i (1-based)
// is at another version than new - 1.
const RedisScript kCommitScript(R"lua(
if redis.call('EXISTS', KEYS[1]) == 1 then return {1} end
local nrec, nset, nmsg = tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4])
for i = 1, nrec do
  local stored = tonumber(redis.call('HGET', KEYS[1 + i], 'v') or '0')
  if stored + 1 ~= tonumber(ARGV[3 + 2 * i]) then return {0, i, stored} end
end
for i = 1, nrec do
  redis.call('HSET', KEYS[1 + i], 'v', ARGV[3 + 2 * i], 'd', ARGV[4 + 2 * i])
end
local a = 5 + 2 * nrec
for j = 1, nset do
  local key = KEYS[1 + nrec + j]
  if ARGV[a] == '+' then
    redis.call('ZADD', key, ARGV[a + 2], ARGV[a + 1])
  else
    redis.call('ZREM', key, ARGV[a + 1])
  end
  a = a + 3
end
for k = 1, nmsg do
  redis.call('RPUSH', KEYS[1 + nrec + nset + k], ARGV[a])
  a = a + 1
end
redis.call('SET', KEYS[1], '1', 'PX', ARGV[1])
return {1}
)lua");

std::string Token() {
  thread_local std::mt19937_64 random(std::random_device{}());
  return absl::StrFormat("%016x", random());
}

class RedisDeskStore final : public DeskStore {
 public:
  explicit RedisDeskStore(const RedisStoreOptions& options)
      : prefix_(absl::StrCat(options.key_prefix, "{desk}:")),
        token_ttl_(absl::StrCat(2 * options.retry_deadline.count() +
                                options.command_timeout.count() + 1000)),
        pool_(std::make_unique<RedisPool>(options)) {}

  absl::StatusOr<std::optional<v1::DeskConversation>> GetConversation(
      std::string_view id) const override {
    return Get<v1::DeskConversation>("c:", id);
  }
  absl::StatusOr<std::optional<v1::DeskAgent>> GetAgent(std::string_view id) const override {
    return Get<v1::DeskAgent>("a:", id);
  }
  absl::StatusOr<std::optional<v1::DeskQueueStats>> GetQueueStats(
      std::string_view queue) const override {
    return Get<v1::DeskQueueStats>("q:", queue);
  }

  absl::StatusOr<std::vector<v1::DeskMessage>> GetMessages(
      std::string_view conversation_id) const override {
    std::string key = Key("m:", conversation_id);
    CHATCART_ASSIGN_OR_RETURN(RedisReply reply,
                              pool_->RunOne({nullptr, {"LRANGE", key, "0", "-1"}}));
    std::vector<v1::DeskMessage> out(reply.elements.size());
    for (size_t i = 0; i < out.size(); ++i) {
      CHATCART_RETURN_IF_ERROR(
          ParseStored(key, absl::StrCat("message ", i), reply.elements[i].str, &out[i]));
    }
    return out;
  }

  absl::StatusOr<std::optional<int64_t>> Rank(std::string_view set,
                                              std::string_view member) const override {
    std::string key = Key("s:", set);
    CHATCART_ASSIGN_OR_RETURN(RedisReply reply,
                              pool_->RunOne({nullptr, {"ZRANK", key, member}}));
    if (reply.is_nil()) return std::optional<int64_t>();
    return std::optional<int64_t>(reply.integer);
  }

  absl::StatusOr<int64_t> Count(std::string_view set) const override {
    std::string key = Key("s:", set);
    CHATCART_ASSIGN_OR_RETURN(RedisReply reply, pool_->RunOne({nullptr, {"ZCARD", key}}));
    return reply.integer;
  }

  absl::StatusOr<int64_t> CountBelow(std::string_view set, int64_t score) const override {
    std::string key = Key("s:", set);
    std::string below = absl::StrCat("(", score);
    CHATCART_ASSIGN_OR_RETURN(RedisReply reply,
                              pool_->RunOne({nullptr, {"ZCOUNT", key, "-inf", below}}));
    return reply.integer;
  }

  absl::StatusOr<std::vector<DeskSetEntry>> Range(std::string_view set, int64_t start,
                                                  int64_t limit) const override {
    if (start < 0 || limit < 0) {
      return absl::InvalidArgumentError(absl::StrCat(
          "desk store: range of \"", ToAbsl(set), "\" from ", start, " limit ", limit));
    }
    std::vector<DeskSetEntry> out;
    if (limit == 0) return out;
    std::string key = Key("s:", set);
    std::string from = absl::StrCat(start);
    std::string to = absl::StrCat(start + limit - 1);
    CHATCART_ASSIGN_OR_RETURN(
        RedisReply reply, pool_->RunOne({nullptr, {"ZRANGE", key, from, to, "WITHSCORES"}}));
    for (size_t i = 0; i + 1 < reply.elements.size(); i += 2) {
      double score = 0;
      if (!absl::SimpleAtod(reply.elements[i + 1].str, &score)) {
        return Malformed(key, absl::StrCat("score \"", reply.elements[i + 1].str, "\""));
      }
      out.push_back({std::move(reply.elements[i].str), static_cast<int64_t>(score)});
    }
    return out;
  }

  absl::StatusOr<int64_t> Increment(std::string_view name) override {
    std::string key = Key("n:", name);
    CHATCART_ASSIGN_OR_RETURN(RedisReply reply, pool_->RunOne({nullptr, {"INCR", key}}));
    return reply.integer;
  }

  absl::Status Commit(const DeskWrite& write) override {
    // Keys and arguments live here while the command's views point at them.
    std::vector<std::string> keys, args;
    keys.push_back(absl::StrCat(prefix_, "w:", Token()));
    args.push_back(token_ttl_);
    size_t records = write.conversations.size() + write.agents.size() + write.queue_stats.size();
    args.push_back(absl::StrCat(records));
    args.push_back(absl::StrCat(write.set_ops.size()));
    args.push_back(absl::StrCat(write.messages.size()));
    std::vector<std::string> names;  // for a conflict's message
    auto add_record = [&](std::string_view kind, std::string_view tag, const std::string& id,
                          uint64_t version,
                          const google::protobuf::MessageLite& record) -> absl::Status {
      if (id.empty()) {
        return absl::InvalidArgumentError(
            absl::StrCat("desk store: ", ToAbsl(kind), " without an id"));
      }
      if (version == 0) {
        return absl::InvalidArgumentError(absl::StrCat(
            "desk store: ", ToAbsl(kind), " \"", id, "\" written with version 0"));
      }
      keys.push_back(Key(tag, id));
      args.push_back(absl::StrCat(version));
      args.push_back(record.SerializeAsString());
      names.push_back(absl::StrCat(ToAbsl(kind), " \"", id, "\""));
      return absl::OkStatus();
    };
    for (const auto& c : write.conversations) {
      CHATCART_RETURN_IF_ERROR(add_record("conversation", "c:", c.id(), c.version(), c));
    }
    for (const auto& a : write.agents) {
      CHATCART_RETURN_IF_ERROR(add_record("agent", "a:", a.id(), a.version(), a));
    }
    for (const auto& q : write.queue_stats) {
      CHATCART_RETURN_IF_ERROR(add_record("queue stats", "q:", q.queue(), q.version(), q));
    }
    for (const auto& op : write.set_ops) {
      keys.push_back(Key("s:", op.set));
      args.push_back(op.remove ? "-" : "+");
      args.push_back(op.member);
      args.push_back(absl::StrCat(op.score));
    }
    for (const auto& m : write.messages) {
      keys.push_back(Key("m:", m.conversation_id()));
      args.push_back(m.SerializeAsString());
    }
    RedisCommand command{&kCommitScript, {}};
    std::string key_count = absl::StrCat(keys.size());
    command.args.reserve(1 + keys.size() + args.size());
    command.args.push_back(key_count);
    for (const std::string& k : keys) command.args.push_back(k);
    for (const std::string& a : args) command.args.push_back(a);
    CHATCART_ASSIGN_OR_RETURN(RedisReply reply, pool_->RunOne(command));
    if (reply.elements.empty() || reply.elements[0].type != RedisReply::Type::kInteger) {
      return Malformed(keys[0], "commit reply");
    }
    if (reply.elements[0].integer == 1) return absl::OkStatus();
    if (reply.elements.size() != 3) return Malformed(keys[0], "commit reply");
    size_t i = static_cast<size_t>(reply.elements[1].integer) - 1;
    if (i >= names.size()) return Malformed(keys[0], "commit reply");
    return absl::AbortedError(absl::StrCat("desk store: ", names[i], " is at version ",
                                           reply.elements[2].integer, ", not ",
                                           args[4 + 2 * i], " - 1"));
  }

 private:
  std::string Key(std::string_view tag, std::string_view id) const {
    return absl::StrCat(prefix_, ToAbsl(tag), ToAbsl(id));
  }

  absl::Status Malformed(std::string_view key, std::string_view what) const {
    return absl::DataLossError(absl::StrFormat("Redis %s: desk key %s: malformed %s",
                                               pool_->endpoint(), key, what));
  }

  // `bytes`, what Redis holds at `key`, parsed into `record`. A string field
  // that is not well-formed UTF-8 is named and refused before protobuf
  // parses (which would log an ERROR line for it first, #22); DATA_LOSS
  // either way: the store only writes what protobuf serialized.
  absl::Status ParseStored(std::string_view key, std::string_view what, std::string_view bytes,
                           google::protobuf::Message* record) const {
    if (std::string field = IllFormedUtf8Field(*record->GetDescriptor(), bytes); !field.empty()) {
      return Malformed(key, absl::StrCat(ToAbsl(what), ": ", field, " is not well-formed UTF-8"));
    }
    if (!record->ParseFromArray(bytes.data(), static_cast<int>(bytes.size()))) {
      return Malformed(key, what);
    }
    return absl::OkStatus();
  }

  template <typename Record>
  absl::StatusOr<std::optional<Record>> Get(std::string_view tag, std::string_view id) const {
    std::string key = Key(tag, id);
    CHATCART_ASSIGN_OR_RETURN(RedisReply reply, pool_->RunOne({nullptr, {"HGET", key, "d"}}));
    if (reply.is_nil()) return std::optional<Record>();
    Record record;
    CHATCART_RETURN_IF_ERROR(ParseStored(key, "record", reply.str, &record));
    return std::optional<Record>(std::move(record));
  }

  const std::string prefix_;
  const std::string token_ttl_;
  // The pool is thread-safe; DeskStore's readers are const.
  std::unique_ptr<RedisPool> pool_;
};

}  // namespace

absl::StatusOr<std::shared_ptr<DeskStore>> OpenRedisDeskStore(const RedisStoreOptions& options) {
  CHATCART_RETURN_IF_ERROR(store_internal::CheckRedisOptions(options));
  return std::shared_ptr<DeskStore>(std::make_shared<RedisDeskStore>(options));
}

}  // namespace chatcart
