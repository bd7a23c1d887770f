#pragma once
// Force-included by the fuzz build only (tests/fuzz/CMakeLists.txt), and only for clang < 16.
//
// Why: libFuzzer needs clang (clang-14 here), but libstdc++ 12's <expected> relies on conditionally
// trivial special members (P0848), which clang implements from version 16 on; with clang-14 every
// std::expected<T, E> with a non-trivial T or E has a deleted destructor. The project's Result<T> is
// std::expected, so this header provides the subset of std::expected / std::unexpected the models/
// sources use, on top of std::variant, and keeps libstdc++'s own <expected> out. The production build
// (g++ 12) never sees this file.

#if defined(__clang__) && __clang_major__ < 16 && !defined(_GLIBCXX_EXPECTED)
#define _GLIBCXX_EXPECTED 1 // libstdc++'s include guard for <expected>: its copy is never parsed

#include <exception>
#include <initializer_list>
#include <type_traits>
#include <utility>
#include <variant>

namespace std {

template <class E>
class unexpected
{
public:
    template <class Err = E>
        requires(!is_same_v<remove_cvref_t<Err>, unexpected> && !is_same_v<remove_cvref_t<Err>, in_place_t>
                 && is_constructible_v<E, Err>)
    constexpr explicit unexpected(Err &&e) : m_error(std::forward<Err>(e))
    {
    }
    template <class... Args>
    constexpr explicit unexpected(in_place_t, Args &&...args) : m_error(std::forward<Args>(args)...)
    {
    }
    constexpr const E &error() const & noexcept { return m_error; }
    constexpr E &error() & noexcept { return m_error; }
    constexpr E &&error() && noexcept { return std::move(m_error); }
    constexpr const E &&error() const && noexcept { return std::move(m_error); }

private:
    E m_error;
};
template <class E>
unexpected(E) -> unexpected<E>;

struct unexpect_t
{
    explicit unexpect_t() = default;
};
inline constexpr unexpect_t unexpect{};

template <class E>
class bad_expected_access : public exception
{
public:
    explicit bad_expected_access(E e) : m_error(std::move(e)) {}
    const char *what() const noexcept override { return "bad access to std::expected without expected value"; }
    const E &error() const & noexcept { return m_error; }

private:
    E m_error;
};

namespace compat_detail {
template <class T>
struct isUnexpected : false_type
{
};
template <class E>
struct isUnexpected<unexpected<E>> : true_type
{
};
} // namespace compat_detail

template <class T, class E>
class expected
{
public:
    using value_type = T;
    using error_type = E;
    using unexpected_type = unexpected<E>;

    constexpr expected()
        requires is_default_constructible_v<T>
        : m_v(in_place_index<0>)
    {
    }
    template <class U = T>
        requires(!is_same_v<remove_cvref_t<U>, expected> && !is_same_v<remove_cvref_t<U>, in_place_t>
                 && !is_same_v<remove_cvref_t<U>, unexpect_t> && !compat_detail::isUnexpected<remove_cvref_t<U>>::value
                 && is_constructible_v<T, U>)
    constexpr expected(U &&v) : m_v(in_place_index<0>, std::forward<U>(v))
    {
    }
    template <class G>
    constexpr expected(const unexpected<G> &u) : m_v(in_place_index<1>, in_place, u.error())
    {
    }
    template <class G>
    constexpr expected(unexpected<G> &&u) : m_v(in_place_index<1>, in_place, std::move(u).error())
    {
    }
    template <class... Args>
    constexpr explicit expected(in_place_t, Args &&...args) : m_v(in_place_index<0>, std::forward<Args>(args)...)
    {
    }
    template <class... Args>
    constexpr explicit expected(unexpect_t, Args &&...args)
        : m_v(in_place_index<1>, in_place, std::forward<Args>(args)...)
    {
    }

    constexpr bool has_value() const noexcept { return m_v.index() == 0; }
    constexpr explicit operator bool() const noexcept { return has_value(); }

    constexpr T &operator*() & noexcept { return *get_if<0>(&m_v); }
    constexpr const T &operator*() const & noexcept { return *get_if<0>(&m_v); }
    constexpr T &&operator*() && noexcept { return std::move(*get_if<0>(&m_v)); }
    constexpr T *operator->() noexcept { return get_if<0>(&m_v); }
    constexpr const T *operator->() const noexcept { return get_if<0>(&m_v); }

    constexpr T &value() &
    {
        check();
        return **this;
    }
    constexpr const T &value() const &
    {
        check();
        return **this;
    }
    constexpr T &&value() &&
    {
        check();
        return std::move(**this);
    }
    constexpr E &error() & noexcept { return get_if<1>(&m_v)->error(); }
    constexpr const E &error() const & noexcept { return get_if<1>(&m_v)->error(); }
    constexpr E &&error() && noexcept { return std::move(get_if<1>(&m_v)->error()); }

    template <class U>
    constexpr T value_or(U &&fallback) const &
    {
        return has_value() ? **this : static_cast<T>(std::forward<U>(fallback));
    }
    template <class U>
    constexpr T value_or(U &&fallback) &&
    {
        return has_value() ? std::move(**this) : static_cast<T>(std::forward<U>(fallback));
    }
    template <class... Args>
    constexpr T &emplace(Args &&...args)
    {
        return m_v.template emplace<0>(std::forward<Args>(args)...);
    }

private:
    void check() const
    {
        if (!has_value())
            throw bad_expected_access<E>(error());
    }
    variant<T, unexpected<E>> m_v;
};

template <class E>
class expected<void, E>
{
public:
    using value_type = void;
    using error_type = E;
    using unexpected_type = unexpected<E>;

    constexpr expected() noexcept : m_v(in_place_index<0>) {}
    constexpr explicit expected(in_place_t) noexcept : m_v(in_place_index<0>) {}
    template <class G>
    constexpr expected(const unexpected<G> &u) : m_v(in_place_index<1>, in_place, u.error())
    {
    }
    template <class G>
    constexpr expected(unexpected<G> &&u) : m_v(in_place_index<1>, in_place, std::move(u).error())
    {
    }
    template <class... Args>
    constexpr explicit expected(unexpect_t, Args &&...args)
        : m_v(in_place_index<1>, in_place, std::forward<Args>(args)...)
    {
    }

    constexpr bool has_value() const noexcept { return m_v.index() == 0; }
    constexpr explicit operator bool() const noexcept { return has_value(); }
    constexpr void operator*() const noexcept {}
    constexpr void value() const
    {
        if (!has_value())
            throw bad_expected_access<E>(error());
    }
    constexpr E &error() & noexcept { return get_if<1>(&m_v)->error(); }
    constexpr const E &error() const & noexcept { return get_if<1>(&m_v)->error(); }
    constexpr E &&error() && noexcept { return std::move(get_if<1>(&m_v)->error()); }
    constexpr void emplace() noexcept { m_v.template emplace<0>(); }

private:
    variant<monostate, unexpected<E>> m_v;
};

} // namespace std

#endif
