// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "serve/http_server.h"

#include <netdb.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>

namespace chatcart::serve {
namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

int Millis(time_t sec, time_t usec) { return static_cast<int>(sec * 1000 + usec / 1000); }

// poll(2) for one socket: > 0 ready (or at its end, or in error), 0 timed out.
int Poll(socket_t sock, short events, int timeout_ms) {
  pollfd p{sock, events, 0};
  int r;
  do {
    r = ::poll(&p, 1, timeout_ms);
  } while (r < 0 && errno == EINTR);
  return r;
}

ssize_t Recv(socket_t sock, char* ptr, size_t size, int flags) {
  ssize_t n;
  do {
    n = ::recv(sock, ptr, size, flags);
  } while (n < 0 && errno == EINTR);
  return n;
}

void IpAndPort(const sockaddr_storage& addr, socklen_t length, std::string& ip, int& port) {
  if (addr.ss_family == AF_INET) {
    port = ntohs(reinterpret_cast<const sockaddr_in&>(addr).sin_port);
  } else if (addr.ss_family == AF_INET6) {
    port = ntohs(reinterpret_cast<const sockaddr_in6&>(addr).sin6_port);
  } else {
    return;
  }
  char host[NI_MAXHOST];
  if (::getnameinfo(reinterpret_cast<const sockaddr*>(&addr), length, host, sizeof(host), nullptr,
                    0, NI_NUMERICHOST) == 0) {
    ip = host;
  }
}

// A connection's socket, read through one buffer for all of its requests
// (cpp-httplib's own stream reads ahead into a buffer it drops after each
// request). Reads and writes wait at most the server's timeouts, as
// cpp-httplib's do; a write fails once the client has closed, so an event
// stream ends when its page goes.
class SocketStream final : public httplib::Stream {
 public:
  SocketStream(socket_t sock, int read_timeout_ms, int write_timeout_ms)
      : sock_(sock), read_timeout_ms_(read_timeout_ms), write_timeout_ms_(write_timeout_ms) {}

  bool is_readable() const override {
    return begin_ < end_ || Poll(sock_, POLLIN, read_timeout_ms_) > 0;
  }
  bool is_writable() const override {
    if (Poll(sock_, POLLOUT, write_timeout_ms_) <= 0) return false;
    if (Poll(sock_, POLLIN, 0) == 0) return true;
    char byte;
    return Recv(sock_, &byte, 1, MSG_PEEK) > 0;
  }
  ssize_t read(char* ptr, size_t size) override {
    if (begin_ == end_) {
      if (!is_readable()) return -1;
      if (size >= sizeof(buffer_)) return Recv(sock_, ptr, size, 0);
      const ssize_t n = Recv(sock_, buffer_, sizeof(buffer_), 0);
      if (n <= 0) return n;
      begin_ = 0;
      end_ = static_cast<size_t>(n);
    }
    const size_t n = std::min(size, end_ - begin_);
    std::memcpy(ptr, buffer_ + begin_, n);
    begin_ += n;
    return static_cast<ssize_t>(n);
  }
  ssize_t write(const char* ptr, size_t size) override {
    if (!is_writable()) return -1;
    ssize_t n;
    do {
      n = ::send(sock_, ptr, size, MSG_NOSIGNAL);
    } while (n < 0 && errno == EINTR);
    return n;
  }
  void get_remote_ip_and_port(std::string& ip, int& port) const override {
    sockaddr_storage addr;
    socklen_t length = sizeof(addr);
    if (::getpeername(sock_, reinterpret_cast<sockaddr*>(&addr), &length) == 0) {
      IpAndPort(addr, length, ip, port);
    }
  }
  void get_local_ip_and_port(std::string& ip, int& port) const override {
    sockaddr_storage addr;
    socklen_t length = sizeof(addr);
    if (::getsockname(sock_, reinterpret_cast<sockaddr*>(&addr), &length) == 0) {
      IpAndPort(addr, length, ip, port);
    }
  }
  socket_t socket() const override { return sock_; }

  // Waits up to `timeout` for the next request's first byte (or the
  // client's end); false when none came or the server is stopping.
  bool WaitForRequest(milliseconds timeout, const std::atomic<socket_t>& listening) const {
    if (begin_ < end_) return true;
    const Clock::time_point deadline = Clock::now() + timeout;
    while (listening != INVALID_SOCKET) {
      const auto left = std::chrono::duration_cast<milliseconds>(deadline - Clock::now());
      if (left.count() <= 0) return false;
      // In steps, so that a stopping server is not kept waiting.
      const int ready = Poll(sock_, POLLIN, static_cast<int>(std::min<int64_t>(left.count(), 100)));
      if (ready != 0) return ready > 0;
    }
    return false;
  }

 private:
  const socket_t sock_;
  const int read_timeout_ms_;
  const int write_timeout_ms_;
  char buffer_[4096];
  size_t begin_ = 0;
  size_t end_ = 0;
};

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

// Whether a response head (status line and header lines, each ending in
// CRLF) has a Connection header naming "close".
bool SaysClose(std::string_view head) {
  size_t at = head.find("\r\n");
  while (at != std::string_view::npos && at + 2 < head.size()) {
    const size_t begin = at + 2;
    const size_t end = head.find("\r\n", begin);
    const std::string_view line = head.substr(begin, end - begin);
    const size_t colon = line.find(':');
    if (colon != std::string_view::npos && EqualsIgnoreCase(line.substr(0, colon), "Connection")) {
      std::string value(line.substr(colon + 1));
      for (char& c : value) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (value.find("close") != std::string::npos) return true;
    }
    at = end;
  }
  return false;
}

// The connection as one request sees it: what cpp-httplib reads is
// counted, and the head of the response it writes (after any interim 100
// Continue) is kept until its blank line, to see whether it says
// "Connection: close". cpp-httplib writes a response's head in one piece.
class RequestStream final : public httplib::Stream {
 public:
  explicit RequestStream(httplib::Stream& connection) : connection_(connection) {}

  bool is_readable() const override { return connection_.is_readable(); }
  bool is_writable() const override { return connection_.is_writable(); }
  ssize_t read(char* ptr, size_t size) override {
    const ssize_t n = connection_.read(ptr, size);
    if (n > 0) read_ += static_cast<uint64_t>(n);
    return n;
  }
  ssize_t write(const char* ptr, size_t size) override {
    if (!head_seen_) NoteHead(std::string_view(ptr, size));
    return connection_.write(ptr, size);
  }
  void get_remote_ip_and_port(std::string& ip, int& port) const override {
    connection_.get_remote_ip_and_port(ip, port);
  }
  void get_local_ip_and_port(std::string& ip, int& port) const override {
    connection_.get_local_ip_and_port(ip, port);
  }
  socket_t socket() const override { return connection_.socket(); }

  uint64_t bytes_read() const { return read_; }
  // Whether the response says "Connection: close"; true when no whole
  // head was written (the response failed).
  bool ResponseSaysClose() const { return !head_seen_ || close_; }

 private:
  static constexpr size_t kMaxHeadBytes = 64 << 10;

  void NoteHead(std::string_view bytes) {
    head_.append(bytes.substr(0, std::min(bytes.size(), kMaxHeadBytes + 4 - head_.size())));
    for (size_t end; (end = head_.find("\r\n\r\n")) != std::string::npos;) {
      if (head_.size() > 9 && head_.compare(0, 10, "HTTP/1.1 1") == 0) {
        head_.erase(0, end + 4);  // 100 Continue: the response follows
        continue;
      }
      close_ = SaysClose(std::string_view(head_).substr(0, end + 2));
      head_seen_ = true;
      head_.clear();
      return;
    }
    if (head_.size() > kMaxHeadBytes) {
      head_seen_ = true;
      close_ = true;
    }
  }

  httplib::Stream& connection_;
  uint64_t read_ = 0;
  std::string head_;
  bool head_seen_ = false;
  bool close_ = false;
};

// The body a request's head declares: its length, or nullopt when where it
// ends cannot be known from the head (any Transfer-Encoding; Content-Length
// headers that are not one and the same number).
std::optional<uint64_t> DeclaredBody(const httplib::Request& req) {
  if (req.has_header("Transfer-Encoding")) return std::nullopt;
  const size_t count = req.get_header_value_count("Content-Length");
  if (count == 0) return 0;
  const std::string value = req.get_header_value("Content-Length");
  if (value.empty() || value.size() > 18 ||
      !std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return std::nullopt;
  }
  for (size_t i = 1; i < count; ++i) {
    if (req.get_header_value("Content-Length", i) != value) return std::nullopt;
  }
  return std::stoull(value);
}

}  // namespace

bool HttpServer::ServeRequest(httplib::Stream& connection, bool last) {
  RequestStream stream(connection);
  bool understood = false;
  uint64_t head_end = 0;
  std::optional<uint64_t> body;
  bool closed = false;
  // cpp-httplib calls this once it has read and parsed the request's head,
  // before the body is read.
  const bool ok = process_request(stream, last, closed, [&](httplib::Request& req) {
    understood = true;
    head_end = stream.bytes_read();
    body = DeclaredBody(req);
  });
  if (!ok || closed || !understood || stream.ResponseSaysClose()) return false;
  return body.has_value() && stream.bytes_read() - head_end >= *body;
}

bool HttpServer::process_and_close_socket(socket_t sock) {
  SocketStream stream(sock, Millis(read_timeout_sec_, read_timeout_usec_),
                      Millis(write_timeout_sec_, write_timeout_usec_));
  bool ended = false;  // after a response
  for (size_t count = keep_alive_max_count_; count > 0 && !ended; --count) {
    if (!stream.WaitForRequest(std::chrono::seconds(keep_alive_timeout_sec_), svr_sock_)) break;
    ended = !ServeRequest(stream, count == 1);
  }
  if (ended) {
    LingeringClose(sock);
  } else {
    ::shutdown(sock, SHUT_RDWR);
    ::close(sock);
  }
  return true;
}

void HttpServer::LingeringClose(socket_t sock) const {
  ::shutdown(sock, SHUT_WR);
  const Clock::time_point deadline = Clock::now() + kLinger;
  char buffer[4096];
  for (size_t dropped = 0; dropped < kLingerBytes && svr_sock_ != INVALID_SOCKET;) {
    const auto left = std::chrono::duration_cast<milliseconds>(deadline - Clock::now());
    if (left.count() <= 0) break;
    const int ready = Poll(sock, POLLIN, static_cast<int>(std::min<int64_t>(left.count(), 100)));
    if (ready < 0) break;
    if (ready == 0) continue;
    const ssize_t n = Recv(sock, buffer, sizeof(buffer), 0);
    if (n <= 0) break;  // the client closed (or reset)
    dropped += static_cast<size_t>(n);
  }
  ::close(sock);
}

}  // namespace chatcart::serve
