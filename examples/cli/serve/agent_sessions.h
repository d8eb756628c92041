// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// AgentSessions: signed-in agents by cookie. A session is a 256-bit random
// token (the cookie, HttpOnly, SameSite=Strict) kept in this process's
// memory with its agent, a CSRF token (sent back on every change as the
// X-CSRF-Token header) and an expiry. An unknown, forged or expired
// cookie finds nothing; a restart signs every agent out.
//
// Thread safety: safe for concurrent access from multiple threads without
// any external synchronization.

#ifndef CHATCART_EXAMPLES_CLI_SERVE_AGENT_SESSIONS_H_
#define CHATCART_EXAMPLES_CLI_SERVE_AGENT_SESSIONS_H_

#include <chrono>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "absl/base/thread_annotations.h"

namespace chatcart::serve {

class AgentSessions {
 public:
  using Clock = std::chrono::system_clock;
  struct Session {
    std::string agent_id;
    std::string csrf;
    Clock::time_point expires;
  };

  // Sessions last `lifetime` from sign-in. Default: 12 hours.
  explicit AgentSessions(std::chrono::seconds lifetime = std::chrono::hours(12))
      : lifetime_(lifetime) {}

  // A new session for `agent_id`; returns its token (the cookie's value).
  std::string Start(const std::string& agent_id, Session* session = nullptr);
  // The session of `token` if it exists and has not expired.
  std::optional<Session> Find(std::string_view token, Clock::time_point now = Clock::now());
  void End(std::string_view token);

  // Whether `given` is the session's CSRF token (constant time).
  static bool CsrfMatches(const Session& session, std::string_view given);

 private:
  const std::chrono::seconds lifetime_;
  std::mutex mu_;
  std::unordered_map<std::string, Session> by_token_ ABSL_GUARDED_BY(mu_);
};

}  // namespace chatcart::serve

#endif  // CHATCART_EXAMPLES_CLI_SERVE_AGENT_SESSIONS_H_
