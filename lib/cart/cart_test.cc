// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "chatcart/cart.h"

#include "common/testing/status_matchers.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace chatcart {
namespace {

TEST(Cart, Compiles) {
  auto policy = CartPolicy::FromJson(R"({"currency": "USD"})");
  ASSERT_OK(policy);
  auto cart = Cart::Create(*policy, "c1");
  ASSERT_OK(cart);
}

}  // namespace
}  // namespace chatcart
