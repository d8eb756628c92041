// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Accounts: the agents who may sign in to the console, from a file with one
// agent per line (blank lines and '#' comments skipped):
//
//   nick:Nick:pbkdf2-sha256:200000:<salt, hex>:<hash, hex>
//
// id (letters, digits, '-', '_'), display name (no ':'), then the password
// as PBKDF2-HMAC-SHA256 (OpenSSL) with its iteration count, a 16-byte salt
// and a 32-byte hash. `chatcart agent-password` writes such a line.
//
// Thread safety: immutable after Load; safe for concurrent access from
// multiple threads without any external synchronization.

#ifndef CHATCART_EXAMPLES_CLI_SERVE_ACCOUNTS_H_
#define CHATCART_EXAMPLES_CLI_SERVE_ACCOUNTS_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"

namespace chatcart::serve {

struct Account {
  std::string id;
  std::string name;
  int iterations = 0;
  std::string salt;  // bytes
  std::string hash;  // bytes
};

class Accounts {
 public:
  // INVALID_ARGUMENT naming file:line for a malformed line or an id given
  // twice; NOT_FOUND for a missing file.
  static absl::StatusOr<Accounts> Load(const std::string& path);
  static absl::StatusOr<Accounts> Parse(std::string_view text, std::string_view name);

  // The account when `password` is right (compared in constant time), else
  // nullptr. An unknown id costs the same PBKDF2 work as a known one.
  const Account* Verify(std::string_view id, std::string_view password) const;
  const Account* Find(std::string_view id) const;
  const std::map<std::string, Account, std::less<>>& all() const { return by_id_; }

 private:
  std::map<std::string, Account, std::less<>> by_id_;
};

// The accounts-file line for an agent (a fresh random salt).
absl::StatusOr<std::string> AccountLine(std::string_view id, std::string_view name,
                                        std::string_view password, int iterations = 200000);

}  // namespace chatcart::serve

#endif  // CHATCART_EXAMPLES_CLI_SERVE_ACCOUNTS_H_
