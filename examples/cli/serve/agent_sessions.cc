// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "serve/agent_sessions.h"

#include <openssl/crypto.h>
#include <openssl/rand.h>

#include <cstdlib>

#include "absl/strings/escaping.h"

namespace chatcart::serve {
namespace {

std::string RandomToken() {
  unsigned char bytes[32];
  if (RAND_bytes(bytes, sizeof bytes) != 1) std::abort();  // no entropy: nothing is safe
  return absl::BytesToHexString(absl::string_view(reinterpret_cast<char*>(bytes), sizeof bytes));
}

}  // namespace

std::string AgentSessions::Start(const std::string& agent_id, Session* session) {
  Session s{agent_id, RandomToken(), Clock::now() + lifetime_};
  std::string token = RandomToken();
  std::lock_guard<std::mutex> lock(mu_);
  // Expired sessions go when someone signs in.
  for (auto it = by_token_.begin(); it != by_token_.end();) {
    it = it->second.expires <= Clock::now() ? by_token_.erase(it) : std::next(it);
  }
  by_token_[token] = s;
  if (session != nullptr) *session = s;
  return token;
}

std::optional<AgentSessions::Session> AgentSessions::Find(std::string_view token,
                                                          Clock::time_point now) {
  if (token.size() != 64) return std::nullopt;
  std::lock_guard<std::mutex> lock(mu_);
  auto it = by_token_.find(std::string(token));
  if (it == by_token_.end()) return std::nullopt;
  if (it->second.expires <= now) {
    by_token_.erase(it);
    return std::nullopt;
  }
  return it->second;
}

void AgentSessions::End(std::string_view token) {
  std::lock_guard<std::mutex> lock(mu_);
  by_token_.erase(std::string(token));
}

bool AgentSessions::CsrfMatches(const Session& session, std::string_view given) {
  return given.size() == session.csrf.size() &&
         CRYPTO_memcmp(given.data(), session.csrf.data(), given.size()) == 0;
}

}  // namespace chatcart::serve
