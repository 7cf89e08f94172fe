"""Which schema patterns are checked at compile time, and a literal that matches one.

include/cfn/pattern_match.hpp matches a string literal against a pattern in a consteval function.
It reads a subset of ECMAScript regular expressions: `^ $`, literal characters, the escapes
`\\d \\D \\w \\W \\s \\S \\n \\r \\t \\f \\v`, `\\xHH` and `\\uHHHH` of an ASCII character, and `\\`
before any other ASCII punctuation, `.`, classes `[...]` and `[^...]` (ranges, those escapes),
groups `(...)` and `(?:...)`, `|`, the quantifiers `* + ? {m} {m,} {m,n}` (a trailing `?`,
lazy, matches the same strings), and the property classes `\\p{X}` `\\P{X}` of PROPERTIES (code
points beyond ASCII by their Unicode general category: cfngen/unicode.py). Everything else (lookahead, backreferences, `\\b`, an escape
beyond ASCII, a non-ASCII pattern) stays a run-time check
(cfn::check, std::regex). This module is the generator's copy of that reader: `program_size`
answers 0 where the C++ reader refuses, and otherwise the number of instructions the C++ side
compiles the pattern to, which bounds the work of one check (instructions x literal length).
The two must agree; tests/unit/pattern_match_test.cpp checks that they do on every schema pattern.
"""

# The C++ side compiles a pattern into at most this many instructions when it checks a literal,
# and `{m,n}` takes at most this bound: beyond, the pattern stays a run-time check (see
# benchmarks/README.md for what a long pattern costs a literal).
MAX_PROGRAM = 512
MAX_REPEAT = 1000
MAX_ALTERNATIVES = 65

ASCII = range(128)
_WORD = {c for c in ASCII if chr(c).isalnum() or chr(c) == "_"}
_DIGIT = set(range(ord("0"), ord("9") + 1))
_SPACE = {ord(c) for c in " \t\n\v\f\r"}
_CLASSES = {"d": _DIGIT, "w": _WORD, "s": _SPACE}
_CONTROL = {"n": "\n", "r": "\r", "t": "\t", "f": "\f", "v": "\v"}
_DOT = set(ASCII) - {ord("\n"), ord("\r")}
# The ASCII members of the property classes the reader knows, as Python's `regex` module (cfn-lint's
# engine) has them; generators/tests/test_unicode.py checks them against it.
PROPERTIES = {
    "L": {c for c in ASCII if chr(c).isalpha()},
    "M": set(),
    "N": set(_DIGIT),
    "P": {ord(c) for c in "!\"#%&'()*,-./:;?@[\\]_{}"},
    "S": {ord(c) for c in "$+<=>^`|~"},
    "Z": {ord(" ")},
    "Zs": {ord(" ")},
    "C": set(range(0x20)) | {0x7F},
    "Graph": set(range(0x21, 0x7F)),
    "Print": set(range(0x20, 0x7F)),
    "ASCII": set(ASCII),
}


class _Refused(Exception):
    pass


def _escape(c, parser=None):
    """The set of an escape `\\c` (inside or outside a class), or refused. `\\xHH` and `\\uHHHH`
    read their digits from `parser`, and are taken for ASCII characters only."""
    if c in ("p", "P") and parser is not None:
        close = parser.t.find("}", parser.i)
        if parser.peek() != "{" or close < 0 or parser.t[parser.i + 1:close] not in PROPERTIES:
            raise _Refused("a property class")
        members = PROPERTIES[parser.t[parser.i + 1:close]]
        parser.i = close + 1
        return set(members) if c == "p" else set(ASCII) - members
    if c in ("x", "u") and parser is not None:
        digits = parser.t[parser.i:parser.i + (2 if c == "x" else 4)]
        if len(digits) != (2 if c == "x" else 4) or not all(d in "0123456789abcdefABCDEF" for d in digits):
            raise _Refused("a hex escape")
        parser.i += len(digits)
        if int(digits, 16) >= 0x80:
            raise _Refused("a non-ASCII escape")
        return {int(digits, 16)}
    if c.lower() in _CLASSES:
        s = _CLASSES[c.lower()]
        return set(s) if c.islower() else set(ASCII) - s
    if c in _CONTROL:
        return {ord(_CONTROL[c])}
    if c.isascii() and not c.isalnum() and 0x20 <= ord(c) < 0x7F:
        return {ord(c)}
    raise _Refused(c)


class _Parser:
    """Mirrors detail::pattern_compiler (pattern_match.hpp): the same grammar, the same refusals."""

    def __init__(self, text):
        self.t, self.i = text, 0

    def peek(self, k=0):
        return self.t[self.i + k] if self.i + k < len(self.t) else ""

    def disjunction(self):
        alternatives = [self.alternative()]
        while self.peek() == "|":
            self.i += 1
            alternatives.append(self.alternative())
            if len(alternatives) > MAX_ALTERNATIVES:
                raise _Refused("too many alternatives")
        return ("alt", alternatives) if len(alternatives) > 1 else alternatives[0]

    def alternative(self):
        terms = []
        while self.peek() not in ("", "|", ")"):
            terms.append(self.term())
        return ("seq", terms)

    def term(self):
        c = self.peek()
        if c in "^$":
            self.i += 1
            if self.peek() and self.peek() in "*+?{":
                raise _Refused("a quantified assertion")
            return ("bol",) if c == "^" else ("eol",)
        atom = self.atom()
        low, high = self.quantifier()
        if low is None:
            return atom
        return ("rep", atom, low, high)

    def number(self):
        start = self.i
        while self.peek().isdigit() and self.peek().isascii():
            self.i += 1
        if start == self.i or self.i - start > 4:
            raise _Refused("a bound")
        return int(self.t[start:self.i])

    def quantifier(self):
        c = self.peek()
        if c == "*":
            low, high = 0, None
            self.i += 1
        elif c == "+":
            low, high = 1, None
            self.i += 1
        elif c == "?":
            low, high = 0, 1
            self.i += 1
        elif c == "{":
            self.i += 1
            low = self.number()
            high = low
            if self.peek() == ",":
                self.i += 1
                high = None if self.peek() == "}" else self.number()
            if self.peek() != "}":
                raise _Refused("a brace")
            self.i += 1
            if (high is not None and high < low) or max(low, high or 0) > MAX_REPEAT:
                raise _Refused("a bound")
        else:
            return None, None
        if self.peek() == "?":
            self.i += 1  # lazy: the same strings match
        if self.peek() and self.peek() in "*+?{":
            raise _Refused("two quantifiers")
        return low, high

    def atom(self):
        c = self.peek()
        self.i += 1
        if c == ".":
            return ("set", frozenset(_DOT))
        if c == "(":
            if self.peek() == "?":
                if self.peek(1) != ":":
                    raise _Refused("a lookaround")
                self.i += 2
            inner = self.disjunction()
            if self.peek() != ")":
                raise _Refused("an unclosed group")
            self.i += 1
            return inner
        if c == "[":
            return ("set", frozenset(self.character_class()))
        if c == "\\":
            if not self.peek():
                raise _Refused("a trailing backslash")
            self.i += 1
            return ("set", frozenset(_escape(self.t[self.i - 1], self)))
        if c in "*+?{}])" or not (0x20 <= ord(c) < 0x7F):
            raise _Refused(c)
        return ("set", frozenset({ord(c)}))

    def class_item(self):
        """One character (its code) or an escape's set, inside a class."""
        c = self.peek()
        if not c:
            raise _Refused("an unclosed class")
        self.i += 1
        if c == "\\":
            if not self.peek():
                raise _Refused("a trailing backslash")
            self.i += 1
            e = self.t[self.i - 1]
            s = _escape(e, self)
            # A property class is a set whatever its ASCII members (it has others beyond).
            return s if len(s) != 1 or e in "pP" else next(iter(s))
        if c == "[" or not (0x20 <= ord(c) < 0x7F):
            raise _Refused(c)
        return ord(c)

    def character_class(self):
        negated = self.peek() == "^"
        if negated:
            self.i += 1
        if self.peek() == "]":
            raise _Refused("an empty class")
        members = set()
        while self.peek() != "]":
            low = self.class_item()
            if isinstance(low, int) and self.peek() == "-" and self.peek(1) not in ("]", ""):
                self.i += 1
                high = self.class_item()
                if not isinstance(high, int) or high < low:
                    raise _Refused("a range")
                members.update(range(low, high + 1))
            elif isinstance(low, set) and self.peek() == "-" and self.peek(1) not in ("]", ""):
                raise _Refused("a range from a class escape")  # [\w-.]: std::regex refuses it
            else:
                members.update(low if isinstance(low, set) else {low})
        self.i += 1
        return set(ASCII) - members if negated else members


def parse(pattern):
    """The tree of `pattern`, or None when the compile-time matcher refuses it."""
    if not pattern.isascii():
        return None
    p = _Parser(pattern)
    try:
        tree = p.disjunction()
        if p.i != len(pattern):
            return None  # an unmatched ')'
    except _Refused:
        return None
    return tree


def _size(node):
    kind = node[0]
    if kind == "seq":
        return sum(_size(n) for n in node[1])
    if kind == "alt":
        return sum(_size(n) for n in node[1]) + 2 * (len(node[1]) - 1)
    if kind == "rep":
        a, low, high = _size(node[1]), node[2], node[3]
        return low * a + (2 + a if high is None else (high - low) * (1 + a))
    return 1  # a set, ^ or $


def program_size(pattern):
    """The C++ program's instruction count (with its final `match`), or 0 when it is refused."""
    tree = parse(pattern)
    return 0 if tree is None else _size(tree) + 1


def compile_time(pattern):
    """Whether a literal of a property with `pattern` is matched against it at compile time."""
    return 0 < program_size(pattern) <= MAX_PROGRAM


def _matches_at(node, text, i):
    """The set of positions after matching `node` at position `i` of `text` (an ASCII string)."""
    kind = node[0]
    if kind == "set":
        return {i + 1} if i < len(text) and ord(text[i]) in node[1] else set()
    if kind == "bol":
        return {i} if i == 0 else set()
    if kind == "eol":
        return {i} if i == len(text) else set()
    if kind == "alt":
        return set().union(*(_matches_at(n, text, i) for n in node[1]))
    if kind == "seq":
        at = {i}
        for n in node[1]:
            at = set().union(*(_matches_at(n, text, j) for j in at)) if at else set()
        return at
    # rep
    sub, low, high = node[1], node[2], node[3]
    at, found, count = {i}, set(), 0
    while at:
        if count >= low:
            found |= at
        if high is not None and count == high:
            break
        following = set().union(*(_matches_at(sub, text, j) for j in at))
        count += 1
        if count > low:
            following -= found  # no progress beyond what is already found
        at = following
    return found


def search(pattern, text):
    """ECMAScript regex_search on an ASCII `text`, for a pattern in the subset (the samples)."""
    tree = parse(pattern)
    return any(_matches_at(tree, text, i) for i in range(len(text) + 1))


def _shortest(node):
    """A short string `node` matches (characters chosen to read as an example)."""
    kind = node[0]
    if kind == "set":
        for c in "example0123456789EXAMPLE-_./:":
            if ord(c) in node[1]:
                return c
        return chr(min(node[1], key=lambda c: (not (0x20 < c < 0x7F), c)))
    if kind in ("bol", "eol"):
        return ""
    if kind == "alt":
        return min((_shortest(n) for n in node[1]), key=len)
    if kind == "seq":
        return "".join(_shortest(n) for n in node[1])
    return _shortest(node[1]) * node[2]


def sample(pattern, min_length=0, max_length=None):
    """A literal that contains a match of `pattern` and has a length in [min_length, max_length],
    or None when the simple tries below find none (the pattern then stays a run-time check)."""
    tree = parse(pattern)
    if tree is None:
        return None
    base = _shortest(tree)
    tries = [base]
    if base:
        tries += [base + base[-1] * (min_length - len(base)), base[0] * (min_length - len(base)) + base]
    tries += [base + "a" * (min_length - len(base)), "a" * (min_length - len(base)) + base]
    for text in tries:
        if len(text) >= min_length and (max_length is None or len(text) <= max_length) and search(pattern, text):
            return text
    return None
