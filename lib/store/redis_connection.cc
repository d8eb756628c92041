// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "store/redis_connection.h"

#include <hiredis/hiredis.h>
#include <sys/time.h>

#include <algorithm>
#include <chrono>
#include <random>
#include <thread>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "common/mutex.h"
#include "common/status_macros.h"
#include "common/strings.h"

namespace chatcart::store_internal {
namespace {

using Clock = std::chrono::steady_clock;

timeval ToTimeval(std::chrono::milliseconds ms) {
  timeval tv;
  tv.tv_sec = static_cast<time_t>(ms.count() / 1000);
  tv.tv_usec = static_cast<suseconds_t>((ms.count() % 1000) * 1000);
  return tv;
}

RedisReply Convert(const redisReply* r) {
  RedisReply out;
  switch (r->type) {
    case REDIS_REPLY_STRING:
      out.type = RedisReply::Type::kString;
      out.str.assign(r->str, r->len);
      break;
    case REDIS_REPLY_STATUS:
      out.type = RedisReply::Type::kStatus;
      out.str.assign(r->str, r->len);
      break;
    case REDIS_REPLY_ERROR:
      out.type = RedisReply::Type::kError;
      out.str.assign(r->str, r->len);
      break;
    case REDIS_REPLY_INTEGER:
      out.type = RedisReply::Type::kInteger;
      out.integer = r->integer;
      break;
    case REDIS_REPLY_ARRAY:
      out.type = RedisReply::Type::kArray;
      out.elements.reserve(r->elements);
      for (size_t i = 0; i < r->elements; ++i) out.elements.push_back(Convert(r->element[i]));
      break;
    default:
      out.type = RedisReply::Type::kNil;
  }
  return out;
}

struct ReplyDeleter {
  void operator()(void* r) const { freeReplyObject(r); }
};
using ReplyPtr = std::unique_ptr<void, ReplyDeleter>;

// Error replies a later attempt may not get: the server is starting, a
// replica is being promoted, a script is running too long.
bool IsTransient(std::string_view error) {
  for (std::string_view prefix :
       {"LOADING", "BUSY", "READONLY", "MASTERDOWN", "TRYAGAIN", "CLUSTERDOWN"}) {
    if (error.starts_with(prefix)) return true;
  }
  return false;
}

absl::StatusCode CodeOfErrorReply(std::string_view error) {
  if (error.starts_with("OOM")) return absl::StatusCode::kResourceExhausted;
  if (error.starts_with("MOVED") || error.starts_with("ASK") || error.starts_with("CROSSSLOT") ||
      error.starts_with("NOAUTH") || error.starts_with("WRONGPASS") ||
      error.starts_with("NOPERM")) {
    return absl::StatusCode::kFailedPrecondition;
  }
  if (error.starts_with("WRONGTYPE")) return absl::StatusCode::kDataLoss;
  return absl::StatusCode::kInternal;
}

std::chrono::milliseconds Jittered(std::chrono::milliseconds delay) {
  thread_local std::minstd_rand random(std::random_device{}());
  std::uniform_int_distribution<int64_t> half(delay.count() / 2, delay.count());
  return std::chrono::milliseconds(half(random));
}

}  // namespace

std::string RedisScript::sha() const {
  MutexLock lock(&mu_);
  return sha_;
}

void RedisScript::set_sha(std::string sha) const {
  MutexLock lock(&mu_);
  sha_ = std::move(sha);
}

struct RedisPool::Connection {
  redisContext* context = nullptr;
  bool broken = false;
  ~Connection() {
    if (context != nullptr) redisFree(context);
  }
};

absl::Status CheckRedisOptions(const RedisStoreOptions& o) {
  auto bad = [&](std::string_view what) {
    return absl::InvalidArgumentError(
        absl::StrCat("Redis store ", o.host, ":", o.port, ": ", ToAbsl(what)));
  };
  if (o.host.empty()) return bad("host is empty");
  if (o.port <= 0 || o.port > 65535) return bad("port is not 1 to 65535");
  if (o.database < 0) return bad("database is negative");
  if (o.pool_size < 1) return bad("pool_size < 1");
  if (o.connect_timeout.count() <= 0) return bad("connect_timeout is not positive");
  if (o.command_timeout.count() <= 0) return bad("command_timeout is not positive");
  if (o.retry_deadline.count() < 0) return bad("retry_deadline is negative");
  if (o.backoff_initial.count() <= 0 || o.backoff_max < o.backoff_initial) {
    return bad("backoff_initial must be positive and at most backoff_max");
  }
  if (o.key_prefix.find_first_of("{}") != std::string::npos) {
    return bad("key_prefix holds '{' or '}', which would change the hash tag");
  }
  return absl::OkStatus();
}

RedisPool::RedisPool(const RedisStoreOptions& options)
    : options_(options), endpoint_(absl::StrCat(options.host, ":", options.port)) {}

RedisPool::~RedisPool() = default;

std::unique_ptr<RedisPool::Connection> RedisPool::Take() {
  MutexLock lock(&mu_);
  auto ready = [this]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    return !idle_.empty() || open_ < options_.pool_size;
  };
  Await(&mu_, absl::Condition(&ready));
  if (!idle_.empty()) {
    std::unique_ptr<Connection> c = std::move(idle_.back());
    idle_.pop_back();
    return c;
  }
  ++open_;
  return nullptr;
}

void RedisPool::Give(std::unique_ptr<Connection> c) {
  if (c->broken) {
    c.reset();
    Drop();
    return;
  }
  MutexLock lock(&mu_);
  idle_.push_back(std::move(c));
}

void RedisPool::Drop() {
  MutexLock lock(&mu_);
  --open_;
}

absl::StatusOr<std::unique_ptr<RedisPool::Connection>> RedisPool::Connect() {
  auto c = std::make_unique<Connection>();
  c->context = redisConnectWithTimeout(options_.host.c_str(), options_.port,
                                       ToTimeval(options_.connect_timeout));
  connects_.fetch_add(1, std::memory_order_relaxed);
  if (c->context == nullptr) {
    return absl::ResourceExhaustedError(absl::StrCat("Redis ", endpoint_, ": out of memory"));
  }
  if (c->context->err != 0) {
    return absl::UnavailableError(
        absl::StrCat("Redis ", endpoint_, ": cannot connect: ", c->context->errstr));
  }
  redisSetTimeout(c->context, ToTimeval(options_.command_timeout));
  redisEnableKeepAlive(c->context);
  auto setup = [&](std::vector<std::string> argv) -> absl::Status {
    std::vector<const char*> args;
    std::vector<size_t> lengths;
    for (const std::string& a : argv) {
      args.push_back(a.data());
      lengths.push_back(a.size());
    }
    ReplyPtr reply(redisCommandArgv(c->context, static_cast<int>(args.size()), args.data(),
                                    lengths.data()));
    if (reply == nullptr) {
      return absl::UnavailableError(
          absl::StrCat("Redis ", endpoint_, ": ", argv[0], ": ", c->context->errstr));
    }
    auto* r = static_cast<redisReply*>(reply.get());
    if (r->type == REDIS_REPLY_ERROR) {
      std::string_view error(r->str, r->len);
      return absl::Status(IsTransient(error) ? absl::StatusCode::kUnavailable
                                             : absl::StatusCode::kFailedPrecondition,
                          absl::StrCat("Redis ", endpoint_, ": ", argv[0], ": ", ToAbsl(error)));
    }
    return absl::OkStatus();
  };
  if (!options_.password.empty()) CHATCART_RETURN_IF_ERROR(setup({"AUTH", options_.password}));
  if (options_.database != 0) {
    CHATCART_RETURN_IF_ERROR(setup({"SELECT", std::to_string(options_.database)}));
  }
  return c;
}

RedisPool::Outcome RedisPool::Attempt(Connection& c, const std::vector<RedisCommand>& commands,
                                      std::vector<RedisReply>* replies, absl::Status* error) {
  auto io_error = [&](std::string_view doing) {
    c.broken = true;
    *error = absl::UnavailableError(
        absl::StrCat("Redis ", endpoint_, ": ", ToAbsl(doing), ": ",
                     c.context->errstr[0] != '\0' ? c.context->errstr : "connection lost"));
    return Outcome::kRetry;
  };
  for (int loads = 0;; ++loads) {
    // Scripts whose SHA1 is not known yet are loaded first.
    for (const RedisCommand& command : commands) {
      if (command.script == nullptr || !command.script->sha().empty()) continue;
      const char* argv[] = {"SCRIPT", "LOAD", command.script->source().c_str()};
      size_t lengths[] = {6, 4, command.script->source().size()};
      ReplyPtr reply(redisCommandArgv(c.context, 3, argv, lengths));
      if (reply == nullptr) return io_error("SCRIPT LOAD");
      auto* r = static_cast<redisReply*>(reply.get());
      if (r->type != REDIS_REPLY_STRING) {
        *error = absl::InternalError(absl::StrCat("Redis ", endpoint_, ": SCRIPT LOAD: ",
                                                  r->type == REDIS_REPLY_ERROR ? r->str : "?"));
        return Outcome::kFail;
      }
      command.script->set_sha(std::string(r->str, r->len));
    }
    std::vector<const char*> argv;
    std::vector<size_t> lengths;
    std::vector<std::string> shas(commands.size());
    for (size_t i = 0; i < commands.size(); ++i) {
      const RedisCommand& command = commands[i];
      argv.clear();
      lengths.clear();
      if (command.script != nullptr) {
        shas[i] = command.script->sha();
        argv.push_back("EVALSHA");
        lengths.push_back(7);
        argv.push_back(shas[i].data());
        lengths.push_back(shas[i].size());
      }
      for (std::string_view a : command.args) {
        argv.push_back(a.data());
        lengths.push_back(a.size());
      }
      if (redisAppendCommandArgv(c.context, static_cast<int>(argv.size()), argv.data(),
                                 lengths.data()) != REDIS_OK) {
        return io_error("sending");
      }
    }
    replies->clear();
    bool noscript = false;
    for (size_t i = 0; i < commands.size(); ++i) {
      void* raw = nullptr;
      if (redisGetReply(c.context, &raw) != REDIS_OK || raw == nullptr) {
        return io_error("reading a reply");
      }
      ReplyPtr reply(raw);
      replies->push_back(Convert(static_cast<redisReply*>(raw)));
      if (replies->back().type == RedisReply::Type::kError &&
          replies->back().str.starts_with("NOSCRIPT")) {
        noscript = true;
        if (commands[i].script != nullptr) commands[i].script->set_sha("");
      }
    }
    if (noscript && loads < 2) continue;  // a restarted Redis forgot the scripts
    for (const RedisReply& reply : *replies) {
      if (reply.type != RedisReply::Type::kError) continue;
      *error = absl::Status(
          IsTransient(reply.str) ? absl::StatusCode::kUnavailable : CodeOfErrorReply(reply.str),
          absl::StrCat("Redis ", endpoint_, ": ", reply.str));
      return IsTransient(reply.str) ? Outcome::kRetry : Outcome::kFail;
    }
    return Outcome::kDone;
  }
}

absl::StatusOr<std::vector<RedisReply>> RedisPool::Run(
    const std::vector<RedisCommand>& commands) {
  const Clock::time_point start = Clock::now();
  const Clock::time_point deadline = start + options_.retry_deadline;
  std::chrono::milliseconds delay = options_.backoff_initial;
  std::vector<RedisReply> replies;
  absl::Status error;
  for (int attempt = 1;; ++attempt) {
    std::unique_ptr<Connection> c = Take();
    if (c == nullptr) {
      absl::StatusOr<std::unique_ptr<Connection>> opened = Connect();
      if (opened.ok()) {
        c = *std::move(opened);
      } else {
        Drop();
        error = opened.status();
        if (error.code() != absl::StatusCode::kUnavailable) return error;
      }
    }
    if (c != nullptr) {
      Outcome outcome = Attempt(*c, commands, &replies, &error);
      Give(std::move(c));
      if (outcome == Outcome::kDone) return replies;
      if (outcome == Outcome::kFail) return error;
    }
    std::chrono::milliseconds wait = Jittered(delay);
    if (Clock::now() + wait > deadline) {
      auto waited = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start);
      return absl::UnavailableError(absl::StrFormat("%s (gave up after %d attempts in %d ms)",
                                                    error.message(), attempt, waited.count()));
    }
    retries_.fetch_add(1, std::memory_order_relaxed);
    std::this_thread::sleep_for(wait);
    delay = std::min(delay * 2, options_.backoff_max);
  }
}

absl::StatusOr<RedisReply> RedisPool::RunOne(const RedisCommand& command) {
  CHATCART_ASSIGN_OR_RETURN(std::vector<RedisReply> replies, Run(std::vector{command}));
  return std::move(replies.front());
}

}  // namespace chatcart::store_internal
