// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// MutexLock: absl::MutexLock that ThreadSanitizer can see through (#22).
// Debian's Abseil is not built with TSan, so absl::Mutex's lock and unlock
// (atomics inside the uninstrumented libabsl_synchronization) make no
// happens-before edge for it: two threads taking turns under one mutex were
// reported as a data race (desk_stress_test, the in-memory desk store). In
// the TSan build (CHATCART_TSAN, set by CHATCART_SANITIZE_THREAD) the lock
// tells TSan it acquired and released the mutex; elsewhere it is
// absl::MutexLock and nothing more. Use it, and Await() below, instead of
// absl::MutexLock and absl::Mutex::Await in the library. Thread-safe as
// absl::Mutex is.

#ifndef CHATCART_COMMON_MUTEX_H_
#define CHATCART_COMMON_MUTEX_H_

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"

#if defined(CHATCART_TSAN)
#include <sanitizer/tsan_interface.h>
#endif

namespace chatcart {

namespace mutex_internal {

inline void Acquired(const absl::Mutex* mu) {
#if defined(CHATCART_TSAN)
  __tsan_acquire(const_cast<absl::Mutex*>(mu));
#else
  (void)mu;
#endif
}

inline void Releasing(const absl::Mutex* mu) {
#if defined(CHATCART_TSAN)
  __tsan_release(const_cast<absl::Mutex*>(mu));
#else
  (void)mu;
#endif
}

}  // namespace mutex_internal

// Holds *mu for its scope, as absl::MutexLock does.
class ABSL_SCOPED_LOCKABLE MutexLock {
 public:
  explicit MutexLock(absl::Mutex* mu) ABSL_EXCLUSIVE_LOCK_FUNCTION(mu) : mu_(mu) {
    mu_->Lock();
    mutex_internal::Acquired(mu_);
  }
  MutexLock(const MutexLock&) = delete;
  MutexLock& operator=(const MutexLock&) = delete;
  ~MutexLock() ABSL_UNLOCK_FUNCTION() {
    mutex_internal::Releasing(mu_);
    mu_->Unlock();
  }

 private:
  absl::Mutex* const mu_;
};

// mu->Await(condition), telling TSan that the wait releases and retakes the
// mutex. REQUIRES: *mu held (through a MutexLock).
inline void Await(absl::Mutex* mu, const absl::Condition& condition)
    ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu) {
  mutex_internal::Releasing(mu);
  mu->Await(condition);
  mutex_internal::Acquired(mu);
}

}  // namespace chatcart

#endif  // CHATCART_COMMON_MUTEX_H_
