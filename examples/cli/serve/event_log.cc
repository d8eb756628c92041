// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "serve/event_log.h"

#include <random>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"

namespace chatcart::serve {
namespace {

std::string NewEpoch() {
  std::random_device rd;
  return absl::StrCat(std::uniform_int_distribution<uint32_t>(1, 999999999)(rd));
}

}  // namespace

EventLog::EventLog(size_t per_conversation, size_t conversations, size_t max_bytes)
    : per_conversation_(per_conversation < 1 ? 1 : per_conversation),
      max_conversations_(conversations < 1 ? 1 : conversations),
      max_bytes_(max_bytes),
      epoch_(NewEpoch()) {}

void EventLog::Evict(size_t extra) {
  // The least recently touched conversation without a reader goes first (a
  // reader's stream would otherwise miss what follows; use_count counts
  // readers and writers holding it besides this map).
  for (auto victim = lru_.end();
       victim != lru_.begin() &&
       (by_id_.size() + extra > max_conversations_ || bytes_ > max_bytes_);) {
    --victim;
    auto v = by_id_.find(*victim);
    if (v->second.use_count() > 1) continue;
    bytes_ -= v->second->bytes;
    by_id_.erase(v);
    victim = lru_.erase(victim);
  }
}

std::shared_ptr<EventLog::Conversation> EventLog::Get(const std::string& conversation) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = by_id_.find(conversation);
  if (it != by_id_.end()) {
    lru_.splice(lru_.begin(), lru_, it->second->lru);
    return it->second;
  }
  Evict(1);
  auto c = std::make_shared<Conversation>();
  lru_.push_front(conversation);
  c->lru = lru_.begin();
  by_id_.emplace(conversation, c);
  return c;
}

uint64_t EventLog::Append(const std::string& conversation, std::string type, std::string data) {
  return Add(conversation, "", std::move(type), std::move(data));
}

uint64_t EventLog::AppendOnce(const std::string& conversation, const std::string& key,
                              std::string type, std::string data) {
  return Add(conversation, key, std::move(type), std::move(data));
}

uint64_t EventLog::Add(const std::string& conversation, const std::string& key, std::string type,
                       std::string data) {
  std::shared_ptr<Conversation> c = Get(conversation);
  uint64_t seq;
  {
    std::lock_guard<std::mutex> lock(c->mu);
    if (!key.empty()) {
      for (const Event& e : c->events) {
        if (e.key == key) return 0;
      }
    }
    seq = c->next_seq++;
    const size_t added = type.size() + data.size();
    c->events.push_back(Event{seq, std::move(type), std::move(data), key});
    c->bytes += added;
    bytes_ += added;
    while (c->events.size() > per_conversation_) {
      const size_t dropped = c->events.front().type.size() + c->events.front().data.size();
      c->events.pop_front();
      c->bytes -= dropped;
      bytes_ -= dropped;
    }
  }
  c->cv.notify_all();
  if (bytes_ > max_bytes_) {
    std::lock_guard<std::mutex> lock(mu_);
    Evict(0);
  }
  return seq;
}

EventLog::Read EventLog::After(const std::string& conversation, uint64_t after,
                               std::chrono::milliseconds wait) {
  std::shared_ptr<Conversation> c = Get(conversation);
  Read read;
  std::unique_lock<std::mutex> lock(c->mu);
  auto ready = [&] { return c->next_seq - 1 > after || closed_.load(); };
  if (!ready()) c->cv.wait_for(lock, wait, ready);
  if (!c->events.empty() && c->events.front().seq > after + 1) read.trimmed = true;
  for (const Event& e : c->events) {
    if (e.seq > after) read.events.push_back(e);
  }
  return read;
}

std::string EventLog::IdOf(uint64_t seq) const { return absl::StrCat(epoch_, ".", seq); }

uint64_t EventLog::SeqOf(std::string_view last_event_id) const {
  size_t dot = last_event_id.find('.');
  if (dot == std::string_view::npos || last_event_id.substr(0, dot) != epoch_) return 0;
  uint64_t seq = 0;
  std::string_view n = last_event_id.substr(dot + 1);
  if (!absl::SimpleAtoi(absl::string_view(n.data(), n.size()), &seq)) return 0;
  return seq;
}

void EventLog::Close() {
  std::vector<std::shared_ptr<Conversation>> all;
  closed_ = true;
  {
    std::lock_guard<std::mutex> lock(mu_);
    for (auto& [id, c] : by_id_) all.push_back(c);
  }
  for (auto& c : all) {
    // Taking the lock orders this wake-up after a reader's check.
    { std::lock_guard<std::mutex> lock(c->mu); }
    c->cv.notify_all();
  }
}

size_t EventLog::conversations() const {
  std::lock_guard<std::mutex> lock(mu_);
  return by_id_.size();
}

}  // namespace chatcart::serve
