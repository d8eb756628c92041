// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Order references: 30 bits of a permuted seed as 6 Crockford base-32
// characters, plus a Luhn mod 32 check character: "7K3-9QX4".

#include <string>

#include "absl/strings/str_cat.h"
#include "chatcart/order.h"
#include "common/strings.h"

namespace chatcart {
namespace {

constexpr char kAlphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
constexpr uint64_t kMask = (uint64_t{1} << 30) - 1;
// An odd multiplier makes v -> v * A + B a bijection modulo 2^30, so
// consecutive seeds give references that do not look consecutive.
constexpr uint64_t kMultiplier = 387420489;  // 3^18
constexpr uint64_t kOffset = 0x1234567;

int ValueOf(char c) {
  if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  if (c == 'O') c = '0';
  if (c == 'I' || c == 'L') c = '1';
  for (int i = 0; i < 32; ++i) {
    if (kAlphabet[i] == c) return i;
  }
  return -1;
}

// The Luhn mod 32 sum over `values`, the rightmost doubled first when
// `check_included` is false.
int LuhnSum(const int* values, int n, bool check_included) {
  int factor = check_included ? 1 : 2;
  int sum = 0;
  for (int i = n - 1; i >= 0; --i) {
    int addend = factor * values[i];
    factor = factor == 2 ? 1 : 2;
    sum += addend / 32 + addend % 32;
  }
  return sum % 32;
}

}  // namespace

std::string OrderReferenceFromSeed(uint64_t seed) {
  const uint64_t v = ((seed & kMask) * kMultiplier + kOffset) & kMask;
  int values[6];
  for (int i = 5, shift = 0; i >= 0; --i, shift += 5)
    values[i] = static_cast<int>((v >> shift) & 31);
  const int check = (32 - LuhnSum(values, 6, false)) % 32;
  std::string out;
  out.reserve(8);
  for (int i = 0; i < 6; ++i) {
    if (i == 3) out.push_back('-');
    out.push_back(kAlphabet[values[i]]);
  }
  out.push_back(kAlphabet[check]);
  return out;
}

absl::StatusOr<std::string> CanonicalOrderReference(std::string_view text) {
  int values[7];
  int n = 0;
  for (char c : text) {
    if (c == '-' || c == ' ') continue;
    const int v = ValueOf(c);
    if (v < 0 || n == 7) {
      return absl::InvalidArgumentError(absl::StrCat(
          "\"", ToAbsl(text), "\" is not an order reference (7 characters like 7K3-9QX4)"));
    }
    values[n++] = v;
  }
  if (n != 7) {
    return absl::InvalidArgumentError(absl::StrCat(
        "\"", ToAbsl(text), "\" is not an order reference (7 characters like 7K3-9QX4)"));
  }
  if (LuhnSum(values, 7, true) != 0) {
    return absl::InvalidArgumentError(absl::StrCat(
        "order reference \"", ToAbsl(text), "\" fails its check character; a character is wrong"));
  }
  std::string out;
  for (int i = 0; i < 7; ++i) {
    if (i == 3) out.push_back('-');
    out.push_back(kAlphabet[values[i]]);
  }
  return out;
}

}  // namespace chatcart
