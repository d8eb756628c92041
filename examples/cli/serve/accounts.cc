// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "serve/accounts.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include <fstream>
#include <sstream>

#include "absl/strings/escaping.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"

namespace chatcart::serve {
namespace {

constexpr int kHashBytes = 32;
constexpr int kSaltBytes = 16;

bool IsId(std::string_view s) {
  if (s.empty() || s.size() > 64) return false;
  for (char c : s) {
    if (!(isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_')) return false;
  }
  return true;
}

std::string Pbkdf2(std::string_view password, std::string_view salt, int iterations) {
  std::string out(kHashBytes, '\0');
  PKCS5_PBKDF2_HMAC(password.data(), static_cast<int>(password.size()),
                    reinterpret_cast<const unsigned char*>(salt.data()),
                    static_cast<int>(salt.size()), iterations, EVP_sha256(), kHashBytes,
                    reinterpret_cast<unsigned char*>(out.data()));
  return out;
}

bool Unhex(std::string_view hex, size_t bytes, std::string* out) {
  if (hex.size() != 2 * bytes) return false;
  for (char c : hex) {
    if (!isxdigit(static_cast<unsigned char>(c))) return false;
  }
  *out = absl::HexStringToBytes(absl::string_view(hex.data(), hex.size()));
  return true;
}

}  // namespace

absl::StatusOr<Accounts> Accounts::Load(const std::string& path) {
  std::ifstream in(path);
  if (!in) return absl::NotFoundError(absl::StrCat(path, ": cannot read the accounts file"));
  std::stringstream text;
  text << in.rdbuf();
  return Parse(text.str(), path);
}

absl::StatusOr<Accounts> Accounts::Parse(std::string_view text, std::string_view name) {
  Accounts accounts;
  int line_no = 0;
  for (absl::string_view line : absl::StrSplit(absl::string_view(text.data(), text.size()), '\n')) {
    ++line_no;
    line = absl::StripAsciiWhitespace(line);
    if (line.empty() || line[0] == '#') continue;
    auto bad = [&](std::string_view why) {
      return absl::InvalidArgumentError(
          absl::StrCat(std::string(name), ":", line_no, ": ", std::string(why)));
    };
    std::vector<std::string> f = absl::StrSplit(line, ':');
    Account a;
    if (f.size() != 6) return bad("want id:name:pbkdf2-sha256:iterations:salt:hash");
    if (!IsId(f[0])) return bad("the id must be 1 to 64 letters, digits, '-' or '_'");
    if (f[1].empty()) return bad("the name is empty");
    if (f[2] != "pbkdf2-sha256") return bad("the only scheme is pbkdf2-sha256");
    if (!absl::SimpleAtoi(f[3], &a.iterations) || a.iterations < 10000) {
      return bad("iterations must be a number of at least 10000");
    }
    if (!Unhex(f[4], kSaltBytes, &a.salt)) return bad("the salt must be 32 hex digits");
    if (!Unhex(f[5], kHashBytes, &a.hash)) return bad("the hash must be 64 hex digits");
    a.id = f[0];
    a.name = f[1];
    if (!accounts.by_id_.emplace(a.id, a).second) return bad("the id " + a.id + " is given twice");
  }
  return accounts;
}

const Account* Accounts::Find(std::string_view id) const {
  auto it = by_id_.find(id);
  return it == by_id_.end() ? nullptr : &it->second;
}

const Account* Accounts::Verify(std::string_view id, std::string_view password) const {
  const Account* a = Find(id);
  static const Account kNobody{"", "", 200000, std::string(kSaltBytes, 'x'),
                               std::string(kHashBytes, 'x')};
  const Account& check = a != nullptr ? *a : kNobody;
  std::string got = Pbkdf2(password, check.salt, check.iterations);
  bool same = CRYPTO_memcmp(got.data(), check.hash.data(), kHashBytes) == 0;
  return a != nullptr && same ? a : nullptr;
}

absl::StatusOr<std::string> AccountLine(std::string_view id, std::string_view name,
                                        std::string_view password, int iterations) {
  if (!IsId(id))
    return absl::InvalidArgumentError("the id must be 1 to 64 letters, digits, - or _");
  if (name.empty() || name.find(':') != std::string_view::npos ||
      name.find('\n') != std::string_view::npos) {
    return absl::InvalidArgumentError("the name must be non-empty, without ':' or a newline");
  }
  if (password.size() < 8) return absl::InvalidArgumentError("the password is under 8 characters");
  std::string salt(kSaltBytes, '\0');
  if (RAND_bytes(reinterpret_cast<unsigned char*>(salt.data()), kSaltBytes) != 1) {
    return absl::InternalError("no random bytes for the salt");
  }
  return absl::StrCat(std::string(id), ":", std::string(name), ":pbkdf2-sha256:", iterations, ":",
                      absl::BytesToHexString(salt), ":",
                      absl::BytesToHexString(Pbkdf2(password, salt, iterations)));
}

}  // namespace chatcart::serve
