// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// The string fields of binary protobuf input checked for well-formed UTF-8
// before it is parsed. protobuf refuses a proto3 string that is not UTF-8,
// but logs an ERROR line to stderr ("String field ... contains invalid UTF-8
// data when parsing") for each one first: in a host's logs, once per bad
// input, and hundreds of thousands of times in a fuzz run (#22). Checking
// first lets the caller refuse with its own error, naming the field, and
// nothing is logged. A process-wide log handler would silence the host's own
// protobuf messages too, so the library installs none. Pure functions;
// thread-safe.

#ifndef CHATCART_COMMON_WIRE_UTF8_H_
#define CHATCART_COMMON_WIRE_UTF8_H_

#include <string>
#include <string_view>

namespace google::protobuf {
class Descriptor;
}  // namespace google::protobuf

namespace chatcart {

// The full name of the first string field (of `type`, or of a message or
// map entry nested in it) whose value in `bytes`, binary protobuf of
// `type`, is not well-formed UTF-8; "" when there is none. Bytes fields and
// unknown fields are not looked at. The walk reads as protobuf's parser
// does, which checks (and logs about) every string it reads before it
// refuses the input: a string's length, its bytes and a nested message are
// read past the end of the message they are in, a string cut short by the
// end of the input is checked over the bytes there are. Wire data that the
// parser refuses before it reads another string stops the walk with "" (it
// then refuses it without a log line). Linear in the input; nesting deeper
// than protobuf's own limit (100) stops the walk too.
std::string IllFormedUtf8Field(const google::protobuf::Descriptor& type, std::string_view bytes);

}  // namespace chatcart

#endif  // CHATCART_COMMON_WIRE_UTF8_H_
