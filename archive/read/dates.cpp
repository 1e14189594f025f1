#include "archive/read/dates.hpp"

#include <cstddef>

namespace kurdi::archive::detail {
namespace {

// Reads exactly `digits` ASCII digits at `at`; -1 if they are not there.
int number_at(std::string_view text, std::size_t at, std::size_t digits) {
  if (at + digits > text.size()) return -1;
  int value = 0;
  for (std::size_t i = at; i < at + digits; ++i) {
    const char c = text[i];
    if (c < '0' || c > '9') return -1;
    value = value * 10 + (c - '0');
  }
  return value;
}

bool is_leap_year(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

bool is_calendar_date(int year, int month, int day) {
  static constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  const int last = month == 2 && is_leap_year(year) ? 29 : kDays[month - 1];
  return day <= last;
}

// "HH:MM[:SS]" at `at`; returns the offset after it, or npos.
std::size_t clock_time_end(std::string_view text, std::size_t at) {
  const int hours = number_at(text, at, 2);
  if (hours < 0 || hours > 23 || at + 2 >= text.size() || text[at + 2] != ':') return std::string_view::npos;
  const int minutes = number_at(text, at + 3, 2);
  if (minutes < 0 || minutes > 59) return std::string_view::npos;
  std::size_t end = at + 5;
  if (end < text.size() && text[end] == ':') {
    const int seconds = number_at(text, end + 1, 2);
    if (seconds < 0 || seconds > 59) return std::string_view::npos;
    end += 3;
  }
  return end;
}

// The ISO 8601 / RFC 3339 rest after 'T': time, fraction, zone.
bool is_iso_time(std::string_view text, std::size_t at) {
  std::size_t end = clock_time_end(text, at);
  if (end == std::string_view::npos) return false;
  if (end < text.size() && text[end] == '.') {
    const std::size_t digits_begin = ++end;
    while (end < text.size() && text[end] >= '0' && text[end] <= '9') ++end;
    if (end == digits_begin) return false;
  }
  if (end == text.size()) return true;
  const char zone = text[end];
  if ((zone == 'Z' || zone == 'z') && end + 1 == text.size()) return true;
  if (zone != '+' && zone != '-') return false;
  const int hours = number_at(text, end + 1, 2);
  const int minutes = number_at(text, end + 4, 2);
  return end + 6 == text.size() && text[end + 3] == ':' && hours >= 0 && hours <= 23 && minutes >= 0 &&
         minutes <= 59;
}

}  // namespace

std::optional<std::string> normalize_date(std::string_view text) {
  if (text.size() < 10) return std::nullopt;
  const char separator = text[4];
  if ((separator != '-' && separator != '/') || text[7] != separator) return std::nullopt;
  const int year = number_at(text, 0, 4);
  const int month = number_at(text, 5, 2);
  const int day = number_at(text, 8, 2);
  if (!is_calendar_date(year, month, day)) return std::nullopt;
  if (text.size() > 10) {
    // Only the dash form carries a time (YYYY/MM/DD is a date alone).
    if (separator != '-') return std::nullopt;
    const char t = text[10];
    if (t == 'T' || t == 't') {
      if (!is_iso_time(text, 11)) return std::nullopt;
    } else if (t == ' ') {
      if (clock_time_end(text, 11) != text.size()) return std::nullopt;
    } else {
      return std::nullopt;
    }
  }
  std::string out(text.substr(0, 10));
  out[4] = '-';
  out[7] = '-';
  return out;
}

}  // namespace kurdi::archive::detail
