// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// HttpServer: the httplib::Server `chatcart serve` listens with. It serves
// each connection itself, so that a connection never goes on from inside a
// request's body.
//
// Debian's cpp-httplib 0.11.4 reads a connection's next request from where
// the last one stopped reading: a body refused unread (the storefront's 411
// and 413) or never read (a GET with a body) is parsed as more requests, so
// a request smuggled in a body is served (issue #22). It also keeps a
// connection open after a response that says "Connection: close", and drops
// pipelined requests that arrived with the one before (a new read buffer for
// each request). HttpServer replaces its connection loop
// (process_and_close_socket, which cpp-httplib lets subclasses replace: its
// TLS server does) with ServeRequest over one buffered stream per
// connection, and ends the connection after a response when:
//   - the response says "Connection: close" (the request asked for it, or it
//     was HTTP/1.0, or it was the connection's keep_alive_max_count-th, or a
//     handler said so: the storefront's refusals do);
//   - cpp-httplib answered before it understood the request's head (a bad
//     request line or header, 414, 416): where the request ends is unknown;
//   - the request declared a body that was not read to its end by the time
//     the response was written: a Content-Length more than was read after
//     the head, one that is not a single number, or any Transfer-Encoding
//     (cpp-httplib cannot say whether it read a chunked body to its end).
// A connection ended after a response is closed lingering: the server's
// side is shut, so the client reads the response to its end, then what the
// client still sends is read and dropped (at most kLingerBytes, for at most
// kLinger, until it closes) before the socket is closed. Closing a socket
// with unread bytes resets the connection, and a client still sending a
// refused body got a broken pipe before it could read the refusal.
//
// Thread safety: as httplib::Server; each connection is served by one of
// its worker threads.

#ifndef CHATCART_EXAMPLES_CLI_SERVE_HTTP_SERVER_H_
#define CHATCART_EXAMPLES_CLI_SERVE_HTTP_SERVER_H_

#include <httplib.h>

#include <chrono>
#include <cstddef>

namespace chatcart::serve {

class HttpServer : public httplib::Server {
 public:
  // What a lingering close reads and drops at most, and for how long.
  static constexpr size_t kLingerBytes = 16 << 20;
  static constexpr std::chrono::milliseconds kLinger{2000};

  // Serves the next request on `connection`, a connection whose earlier
  // requests were served by this call. `last`: the connection's last
  // request (its response says "Connection: close"). Returns true when the
  // connection may carry another request; false when it must end (nothing
  // more to read, a write failed, or one of the reasons above).
  bool ServeRequest(httplib::Stream& connection, bool last);

 private:
  bool process_and_close_socket(socket_t sock) override;
  // Shuts the writing side, reads and drops what the client still sends
  // (within the bounds above), closes.
  void LingeringClose(socket_t sock) const;
};

}  // namespace chatcart::serve

#endif  // CHATCART_EXAMPLES_CLI_SERVE_HTTP_SERVER_H_
