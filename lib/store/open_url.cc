// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// OpenSessionStore(url): memory:, sqlite:PATH?..., redis://...

#include <chrono>
#include <string>
#include <utility>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "chatcart/store.h"
#include "common/status_macros.h"
#include "common/strings.h"

namespace chatcart {
namespace {

absl::Status Bad(std::string_view url, std::string_view why) {
  return absl::InvalidArgumentError(
      absl::StrCat("store URL \"", ToAbsl(url), "\": ", ToAbsl(why)));
}

// Splits "a?k=v&k2=v2" into "a" and its parameters, calling `set` on each;
// `set` returns false for a parameter it does not know.
template <typename Set>
absl::StatusOr<std::string> SplitQuery(std::string_view url, std::string_view rest, Set set) {
  size_t q = rest.find('?');
  std::string_view head = rest.substr(0, q);
  if (q == std::string_view::npos) return std::string(head);
  for (absl::string_view pair : absl::StrSplit(ToAbsl(rest.substr(q + 1)), '&', absl::SkipEmpty())) {
    std::pair<std::string, std::string> kv = absl::StrSplit(pair, absl::MaxSplits('=', 1));
    absl::Status s = set(kv.first, kv.second);
    if (!s.ok()) return Bad(url, s.message().empty() ? absl::StrCat("unknown parameter \"", kv.first, "\"") : std::string(s.message()));
  }
  return std::string(head);
}

absl::Status Number(const std::string& key, const std::string& value, int64_t* out) {
  if (!absl::SimpleAtoi(value, out) || *out < 0) {
    return absl::InvalidArgumentError(
        absl::StrCat("parameter ", key, "=\"", value, "\" is not a non-negative integer"));
  }
  return absl::OkStatus();
}

absl::StatusOr<std::unique_ptr<SessionStore>> OpenSqlite(std::string_view url,
                                                         std::string_view rest) {
  SqliteStoreOptions options;
  CHATCART_ASSIGN_OR_RETURN(
      options.path,
      SplitQuery(url, rest, [&](const std::string& k, const std::string& v) -> absl::Status {
        int64_t n = 0;
        if (k == "durability") {
          if (v == "full") {
            options.durability = SqliteDurability::kFull;
          } else if (v == "normal") {
            options.durability = SqliteDurability::kNormal;
          } else {
            return absl::InvalidArgumentError(
                absl::StrCat("durability \"", v, "\" is neither full nor normal"));
          }
        } else if (k == "busy_timeout_ms") {
          CHATCART_RETURN_IF_ERROR(Number(k, v, &n));
          options.busy_timeout = std::chrono::milliseconds(n);
        } else if (k == "table") {
          options.table = v;
        } else if (k == "pool") {
          CHATCART_RETURN_IF_ERROR(Number(k, v, &n));
          options.pool_size = static_cast<int>(n);
        } else {
          return absl::InvalidArgumentError("");
        }
        return absl::OkStatus();
      }));
  if (options.path.empty()) return Bad(url, "no file path after \"sqlite:\"");
  return OpenSqliteSessionStore(options);
}

absl::StatusOr<std::unique_ptr<SessionStore>> OpenRedis(std::string_view url,
                                                        std::string_view rest) {
  RedisStoreOptions options;
  CHATCART_ASSIGN_OR_RETURN(
      std::string authority,
      SplitQuery(url, rest, [&](const std::string& k, const std::string& v) -> absl::Status {
        int64_t n = 0;
        if (k == "prefix") {
          options.key_prefix = v;
          return absl::OkStatus();
        }
        CHATCART_RETURN_IF_ERROR(k == "pool" || k.ends_with("_ms") ? Number(k, v, &n)
                                                                  : absl::InvalidArgumentError(""));
        if (k == "pool") {
          options.pool_size = static_cast<int>(n);
        } else if (k == "connect_timeout_ms") {
          options.connect_timeout = std::chrono::milliseconds(n);
        } else if (k == "command_timeout_ms") {
          options.command_timeout = std::chrono::milliseconds(n);
        } else if (k == "retry_deadline_ms") {
          options.retry_deadline = std::chrono::milliseconds(n);
        } else {
          return absl::InvalidArgumentError("");
        }
        return absl::OkStatus();
      }));
  std::string_view a = authority;
  if (size_t slash = a.find('/'); slash != std::string_view::npos) {
    std::string db(a.substr(slash + 1));
    if (!db.empty() && !absl::SimpleAtoi(db, &options.database)) {
      return Bad(url, absl::StrCat("database \"", db, "\" is not a number"));
    }
    a = a.substr(0, slash);
  }
  if (size_t at = a.rfind('@'); at != std::string_view::npos) {
    std::string_view user_info = a.substr(0, at);
    size_t colon = user_info.find(':');
    options.password = std::string(colon == std::string_view::npos ? user_info
                                                                   : user_info.substr(colon + 1));
    a = a.substr(at + 1);
  }
  if (size_t colon = a.rfind(':'); colon != std::string_view::npos) {
    std::string port(a.substr(colon + 1));
    if (!absl::SimpleAtoi(port, &options.port)) {
      return Bad(url, absl::StrCat("port \"", port, "\" is not a number"));
    }
    a = a.substr(0, colon);
  }
  if (!a.empty()) options.host = std::string(a);
  return OpenRedisSessionStore(options);
}

}  // namespace

absl::StatusOr<std::unique_ptr<SessionStore>> OpenSessionStore(std::string_view url) {
  if (url == "memory:") return NewMemorySessionStore();
  if (url.starts_with("sqlite:")) return OpenSqlite(url, url.substr(7));
  if (url.starts_with("redis://")) return OpenRedis(url, url.substr(8));
  return Bad(url, "expected memory:, sqlite:PATH or redis://HOST:PORT");
}

}  // namespace chatcart
