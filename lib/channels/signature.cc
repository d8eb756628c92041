// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Webhook signatures with OpenSSL: Meta's X-Hub-Signature-256 (HMAC-SHA256 of
// the raw body, keyed with the app secret, "sha256=" + lowercase hex;
// developers.facebook.com/docs/graph-api/webhooks/getting-started, "Validate
// payloads"), Twilio's X-Twilio-Signature (HMAC-SHA1 of the URL followed by
// the POST parameters sorted by name, name and value concatenated, base64;
// twilio.com/docs/usage/security#validating-requests), and Meta's subscribe
// handshake (hub.mode, hub.verify_token, hub.challenge). Every comparison is
// constant-time (CRYPTO_memcmp).

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/params.h>

#include <algorithm>
#include <cstring>
#include <string>

#include "channels/cat.h"
#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "channels/wire.h"
#include "chatcart/channels.h"
#include "common/strings.h"

namespace chatcart::channels {

using internal::Append;
using internal::Cat;
namespace {

// HMAC through one EVP_MAC context per thread and digest, kept keyed: the
// same secret on every webhook skips OpenSSL 3's per-call algorithm fetch
// and key setup (most of the cost of a small body). The key stays in this
// thread's memory as it does in the host's.
struct MacContext {
  EVP_MAC_CTX* ctx = nullptr;
  std::string key;
  bool keyed = false;
  ~MacContext() { EVP_MAC_CTX_free(ctx); }
};

std::string Hmac(bool sha1, std::string_view key, std::string_view data) {
  static EVP_MAC* const mac = EVP_MAC_fetch(nullptr, "HMAC", nullptr);
  thread_local MacContext contexts[2];
  MacContext& c = contexts[sha1 ? 1 : 0];
  if (c.ctx == nullptr) c.ctx = EVP_MAC_CTX_new(mac);
  bool ok;
  if (c.keyed && c.key == key) {
    ok = EVP_MAC_init(c.ctx, nullptr, 0, nullptr) == 1;  // the same key again
  } else {
    char digest[8];
    std::memcpy(digest, sha1 ? "SHA1" : "SHA256", sha1 ? 5 : 7);
    OSSL_PARAM params[] = {OSSL_PARAM_construct_utf8_string("digest", digest, 0),
                           OSSL_PARAM_construct_end()};
    static constexpr unsigned char kEmpty[1] = {0};
    const unsigned char* k =
        key.empty() ? kEmpty : reinterpret_cast<const unsigned char*>(key.data());
    ok = EVP_MAC_init(c.ctx, k, key.size(), params) == 1;
    c.key.assign(key.data(), key.size());
    c.keyed = ok;
  }
  unsigned char digest[EVP_MAX_MD_SIZE];
  size_t len = 0;
  ok = ok &&
       EVP_MAC_update(c.ctx, reinterpret_cast<const unsigned char*>(data.data()), data.size()) == 1 &&
       EVP_MAC_final(c.ctx, digest, &len, sizeof digest) == 1;
  if (!ok) {
    c.keyed = false;
    return std::string();  // never equal to a signature: the check fails closed
  }
  return std::string(reinterpret_cast<const char*>(digest), len);
}

std::string Hex(std::string_view bytes) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (unsigned char c : bytes) {
    out.push_back(kHex[c >> 4]);
    out.push_back(kHex[c & 15]);
  }
  return out;
}

std::string Base64(std::string_view bytes) {
  std::string out(4 * ((bytes.size() + 2) / 3) + 1, '\0');
  int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                          reinterpret_cast<const unsigned char*>(bytes.data()),
                          static_cast<int>(bytes.size()));
  out.resize(n);
  return out;
}

// Constant-time equality of two strings (the length is not secret).
bool SameBytes(std::string_view a, std::string_view b) {
  return a.size() == b.size() && CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace

std::string MetaSignature(std::string_view body, std::string_view app_secret) {
  return Cat("sha256=", Hex(Hmac(false, app_secret, body)));
}

absl::Status VerifyMetaSignature(std::string_view body, std::string_view header,
                                 std::string_view app_secret) {
  if (header.empty()) {
    return absl::UnauthenticatedError("X-Hub-Signature-256 header is missing");
  }
  static constexpr std::string_view kPrefix = "sha256=";
  if (header.size() != kPrefix.size() + 64 || header.substr(0, kPrefix.size()) != kPrefix) {
    return absl::UnauthenticatedError(
        "X-Hub-Signature-256 is not \"sha256=\" followed by 64 hex digits");
  }
  // Hex digits compare case-insensitively: fold the header's to lower case.
  std::string got(header);
  std::transform(got.begin(), got.end(), got.begin(),
                 [](char c) { return c >= 'A' && c <= 'F' ? static_cast<char>(c - 'A' + 'a') : c; });
  if (!SameBytes(got, MetaSignature(body, app_secret))) {
    return absl::UnauthenticatedError(
        "X-Hub-Signature-256 does not match the body (wrong app secret, or the body was changed)");
  }
  return absl::OkStatus();
}

absl::StatusOr<std::string> TwilioSignature(std::string_view url, std::string_view form_body,
                                            std::string_view auth_token) {
  absl::StatusOr<std::vector<std::pair<std::string, std::string>>> params =
      internal::FormDecode(form_body);
  if (!params.ok()) return params.status();
  std::vector<const std::pair<std::string, std::string>*> sorted;
  sorted.reserve(params->size());
  for (const auto& p : *params) sorted.push_back(&p);
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const auto* a, const auto* b) { return a->first < b->first; });
  std::string data;
  data.reserve(url.size() + form_body.size());
  data.append(url);
  for (const auto* p : sorted) {
    data.append(p->first);
    data.append(p->second);
  }
  return Base64(Hmac(true, auth_token, data));
}

absl::Status VerifyTwilioSignature(std::string_view url, std::string_view form_body,
                                   std::string_view header, std::string_view auth_token) {
  if (header.empty()) return absl::UnauthenticatedError("X-Twilio-Signature header is missing");
  absl::StatusOr<std::string> expected = TwilioSignature(url, form_body, auth_token);
  if (!expected.ok()) return expected.status();
  if (!SameBytes(header, *expected)) {
    return absl::UnauthenticatedError(
        "X-Twilio-Signature does not match (wrong auth token, a URL other than the one Twilio "
        "requested, or changed parameters)");
  }
  return absl::OkStatus();
}

absl::StatusOr<std::string> AnswerSubscribe(std::string_view query, std::string_view verify_token) {
  absl::StatusOr<std::vector<std::pair<std::string, std::string>>> params =
      internal::FormDecode(query);
  if (!params.ok()) return params.status();
  const std::string* mode = nullptr;
  const std::string* token = nullptr;
  const std::string* challenge = nullptr;
  for (const auto& [name, value] : *params) {
    if (name == "hub.mode") mode = &value;
    if (name == "hub.verify_token") token = &value;
    if (name == "hub.challenge") challenge = &value;
  }
  if (mode == nullptr || token == nullptr || challenge == nullptr) {
    return absl::InvalidArgumentError(
        "subscribe handshake: hub.mode, hub.verify_token and hub.challenge are all required");
  }
  if (*mode != "subscribe") {
    return absl::InvalidArgumentError(
        Cat("subscribe handshake: hub.mode is \"", *mode, "\", not \"subscribe\""));
  }
  if (verify_token.empty() || !SameBytes(*token, verify_token)) {
    return absl::PermissionDeniedError("subscribe handshake: hub.verify_token does not match");
  }
  return *challenge;
}

}  // namespace chatcart::channels
