// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
// Links the installed static C++ library.

#include <cstdio>

#include "chatcart/money.h"
#include "chatcart/v1/money.pb.h"
#include "chatcart/version.h"

int main() {
  absl::StatusOr<chatcart::Money> price = chatcart::Money::Parse("34.8", "USD");
  if (!price.ok() || price->minor_units() != 3480) return 1;
  chatcart::v1::Money proto;
  chatcart::MoneyToProto(*price, &proto);
  if (proto.minor_units() != 3480) return 1;
  std::printf("consumer_cc: chatcart %s, %s\n", CHATCART_VERSION_STRING,
              price->Format("en-US").value_or("?").c_str());
  return 0;
}
