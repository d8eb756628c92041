// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// GoogleMock matchers for absl::Status and absl::StatusOr<T>, shaped like
// Abseil's (absl/status/status_matchers.h, absent from Debian 12's Abseil):
//
//   EXPECT_THAT(Money::Parse("1.234", "USD"),
//               StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("1.234")));
//   EXPECT_THAT(Money::Parse("1.23", "USD"), IsOkAndHolds(Property(...)));
//   ASSERT_OK(status);  EXPECT_OK(status_or);

#ifndef CHATCART_COMMON_TESTING_STATUS_MATCHERS_H_
#define CHATCART_COMMON_TESTING_STATUS_MATCHERS_H_

#include <ostream>
#include <string>
#include <utility>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace chatcart::testing {
namespace internal {

inline const absl::Status& GetStatus(const absl::Status& status) { return status; }
template <typename T>
const absl::Status& GetStatus(const absl::StatusOr<T>& status_or) {
  return status_or.status();
}

template <typename StatusType>
class StatusIsMatcherImpl : public ::testing::MatcherInterface<StatusType> {
 public:
  StatusIsMatcherImpl(::testing::Matcher<absl::StatusCode> code,
                      ::testing::Matcher<const std::string&> message)
      : code_(std::move(code)), message_(std::move(message)) {}

  void DescribeTo(std::ostream* os) const override {
    *os << "has a status code that ";
    code_.DescribeTo(os);
    *os << " and a message that ";
    message_.DescribeTo(os);
  }

  bool MatchAndExplain(StatusType actual, ::testing::MatchResultListener* listener) const override {
    const absl::Status& status = GetStatus(actual);
    *listener << "whose status is " << status;
    const std::string message(status.message());
    return code_.Matches(status.code()) && message_.Matches(message);
  }

 private:
  ::testing::Matcher<absl::StatusCode> code_;
  ::testing::Matcher<const std::string&> message_;
};

class StatusIsMatcher {
 public:
  StatusIsMatcher(::testing::Matcher<absl::StatusCode> code,
                  ::testing::Matcher<const std::string&> message)
      : code_(std::move(code)), message_(std::move(message)) {}

  template <typename StatusType>
  operator ::testing::Matcher<StatusType>() const {  // NOLINT: implicit by design
    return ::testing::Matcher<StatusType>(
        new StatusIsMatcherImpl<const StatusType&>(code_, message_));
  }

 private:
  ::testing::Matcher<absl::StatusCode> code_;
  ::testing::Matcher<const std::string&> message_;
};

template <typename StatusOrType>
class IsOkAndHoldsMatcherImpl : public ::testing::MatcherInterface<StatusOrType> {
 public:
  using Value = typename std::remove_reference_t<StatusOrType>::value_type;

  explicit IsOkAndHoldsMatcherImpl(::testing::Matcher<const Value&> inner)
      : inner_(std::move(inner)) {}

  void DescribeTo(std::ostream* os) const override {
    *os << "is OK and has a value that ";
    inner_.DescribeTo(os);
  }

  bool MatchAndExplain(StatusOrType actual,
                       ::testing::MatchResultListener* listener) const override {
    if (!actual.ok()) {
      *listener << "which has status " << actual.status();
      return false;
    }
    return inner_.MatchAndExplain(*actual, listener);
  }

 private:
  ::testing::Matcher<const Value&> inner_;
};

template <typename InnerMatcher>
class IsOkAndHoldsMatcher {
 public:
  explicit IsOkAndHoldsMatcher(InnerMatcher inner) : inner_(std::move(inner)) {}

  template <typename StatusOrType>
  operator ::testing::Matcher<StatusOrType>() const {  // NOLINT: implicit by design
    using Impl =
        IsOkAndHoldsMatcherImpl<const std::remove_cv_t<std::remove_reference_t<StatusOrType>>&>;
    return ::testing::Matcher<StatusOrType>(
        new Impl(::testing::SafeMatcherCast<const typename Impl::Value&>(inner_)));
  }

 private:
  InnerMatcher inner_;
};

}  // namespace internal

// Matches an absl::Status or absl::StatusOr<T> whose code matches `code` and
// whose message matches `message` (any message when omitted).
inline internal::StatusIsMatcher StatusIs(
    ::testing::Matcher<absl::StatusCode> code,
    ::testing::Matcher<const std::string&> message = ::testing::_) {
  return internal::StatusIsMatcher(std::move(code), std::move(message));
}

// Matches an OK absl::StatusOr<T> whose value matches `inner`.
template <typename InnerMatcher>
internal::IsOkAndHoldsMatcher<std::decay_t<InnerMatcher>> IsOkAndHolds(InnerMatcher&& inner) {
  return internal::IsOkAndHoldsMatcher<std::decay_t<InnerMatcher>>(
      std::forward<InnerMatcher>(inner));
}

// Matches an OK absl::Status or absl::StatusOr<T>.
MATCHER(IsOk, "is OK") {
  const absl::Status& status = internal::GetStatus(arg);
  *result_listener << "whose status is " << status;
  return status.ok();
}

}  // namespace chatcart::testing

#define EXPECT_OK(expr) EXPECT_THAT((expr), ::chatcart::testing::IsOk())
#define ASSERT_OK(expr) ASSERT_THAT((expr), ::chatcart::testing::IsOk())

#endif  // CHATCART_COMMON_TESTING_STATUS_MATCHERS_H_
