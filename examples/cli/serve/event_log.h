// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// EventLog: what each web conversation's event stream has said, in order,
// with ids, so a stream that reconnects (Last-Event-ID) or a page that
// reloads (from the start) gets every event it missed. Bounded, in memory:
// the last `per_conversation` events of each conversation, and the most
// recently touched conversations while there are at most `conversations`
// of them and their events take at most `max_bytes` (a conversation with a
// reader waiting is kept beyond both). A conversation's history older than
// that is gone from the screen (never from the store), and a reader that
// asks for it is told so (`trimmed`).
//
// Event ids are "<epoch>.<n>": n counts from 1 per conversation, and the
// epoch is this log's (the server process's) own, so an id from before a
// restart is recognised as such and the reader starts over.
//
// Thread safety: safe for concurrent access from multiple threads without
// any external synchronization.

#ifndef CHATCART_EXAMPLES_CLI_SERVE_EVENT_LOG_H_
#define CHATCART_EXAMPLES_CLI_SERVE_EVENT_LOG_H_

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "absl/base/thread_annotations.h"

namespace chatcart::serve {

struct Event {
  uint64_t seq = 0;  // 1, 2, ... in its conversation
  std::string type;  // the SSE event name: "shopper", "bot", "typing", ...
  std::string data;  // JSON
  std::string key;   // AppendOnce's key, or empty
};

class EventLog {
 public:
  EventLog(size_t per_conversation, size_t conversations, size_t max_bytes = 256 << 20);
  EventLog(const EventLog&) = delete;
  EventLog& operator=(const EventLog&) = delete;

  // Appends an event to `conversation` and wakes its readers. Returns its seq.
  uint64_t Append(const std::string& conversation, std::string type, std::string data);
  // The same unless an event with `key` is still in the conversation's log
  // (a retried post); returns 0 then.
  uint64_t AppendOnce(const std::string& conversation, const std::string& key, std::string type,
                      std::string data);

  struct Read {
    std::vector<Event> events;
    // Events after the reader's position were dropped by the bound.
    bool trimmed = false;
  };
  // The events of `conversation` after seq `after`, waiting up to `wait`
  // for one when there are none yet (an empty result after the wait, or
  // when Close was called).
  Read After(const std::string& conversation, uint64_t after, std::chrono::milliseconds wait);

  // "<epoch>.<seq>".
  std::string IdOf(uint64_t seq) const;
  // The seq a Last-Event-ID names: 0 for an empty, malformed or another
  // epoch's id (the reader starts from the beginning).
  uint64_t SeqOf(std::string_view last_event_id) const;

  // Wakes every reader and makes waits return at once (server shutdown).
  void Close();

  size_t conversations() const;
  // The bytes of the events kept (types and data).
  size_t bytes() const { return bytes_.load(); }

 private:
  struct Conversation {
    std::mutex mu;
    std::condition_variable cv;
    std::deque<Event> events ABSL_GUARDED_BY(mu);
    uint64_t next_seq ABSL_GUARDED_BY(mu) = 1;
    std::atomic<size_t> bytes{0};          // of `events`
    std::list<std::string>::iterator lru;  // guarded by EventLog::mu_
  };
  std::shared_ptr<Conversation> Get(const std::string& conversation);
  // Drops least recently touched conversations without readers while over
  // a bound (`extra`: one more conversation is about to be added).
  void Evict(size_t extra) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  uint64_t Add(const std::string& conversation, const std::string& key, std::string type,
               std::string data);

  const size_t per_conversation_;
  const size_t max_conversations_;
  const size_t max_bytes_;
  std::atomic<size_t> bytes_{0};
  const std::string epoch_;
  mutable std::mutex mu_;
  std::unordered_map<std::string, std::shared_ptr<Conversation>> by_id_ ABSL_GUARDED_BY(mu_);
  std::list<std::string> lru_ ABSL_GUARDED_BY(mu_);  // most recent first
  std::atomic<bool> closed_{false};
};

}  // namespace chatcart::serve

#endif  // CHATCART_EXAMPLES_CLI_SERVE_EVENT_LOG_H_
