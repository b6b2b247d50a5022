"""A generator of plan-like YAML texts in the many styles people write by hand: block and flow
collections, bare '-' lines, block scalars, quoted keys and values, comments everywhere, directives
and tags. Each text comes with the comment markers it holds and whether it uses a construct fmt must
refuse (a directive or an explicit tag). Deterministic for a given random.Random."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

WORDS = [
    "Rà soát",
    "thủ tục",
    "hành chính",
    "Tổ dân phố",
    "số 5",
    "UBND phường",
    "Quý II/2026",
    "cán bộ",
    "a: b",
    "x #y",
    "100%",
    "Điều 3",
    "việc-làm",
    "ô/ơ",
    "Hà Nội",
    "2026-01-30",
]
PLAIN = [
    "nhom",
    "T01",
    "T02",
    "ubnd",
    "cong-an",
    "yearly",
    "Thường xuyên",
    "Trước 30/6",
    "05",
    "12",
    "3.5",
    "2026-03-31",
    "~",
    "null",
    "true",
    "false",
    "yes",
    "no",
    "on",
    "0x1f",
    "0o17",
    "-7",
    ".inf",
    "1e3",
]
TASK_KEYS = [
    "id",
    "text",
    "deadline",
    "repeat",
    "lead",
    "lead_text",
    "partners",
    "partners_text",
    "produces",
    "ghi_chu",
]


@dataclass
class Gen:
    rng: random.Random
    markers: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)  # why fmt must refuse this text
    n: int = 0

    def comment(self, chance: float = 0.3) -> str:
        """' # cN' (a unique marker) or ''."""
        if self.rng.random() >= chance:
            return ""
        self.n += 1
        marker = f"c{self.n}"
        self.markers.append(marker)
        extra = self.rng.choice(["", " ghi chú", " TODO: hỏi lại", " #", " - không xóa", " [x], {y}", " 'q'"])
        return self.rng.choice(["  ", " ", "    "]) + f"# {marker}{extra}"

    def full_comment(self, indent: int) -> list[str]:
        out = []
        while self.rng.random() < 0.2:
            c = self.comment(1.0).strip()
            out.append(" " * self.rng.choice([0, indent]) + c)
        if self.rng.random() < 0.1:
            out.append("")
        return out

    def tag(self) -> str:
        if self.rng.random() < 0.03:
            t = self.rng.choice(["!!str", "!!int", "!!binary", "!custom", "!", "!!float"])
            self.refused.append(f"tag {t}")
            return t + " "
        return ""

    def scalar(self) -> str:
        r = self.rng.random()
        if r < 0.35:
            return self.tag() + self.rng.choice(PLAIN)
        words = " ".join(self.rng.sample(WORDS, self.rng.randint(1, 4)))
        if r < 0.6:
            return "'" + words.replace("'", "''") + "'"
        if r < 0.8:
            return '"' + words.replace("\\", "\\\\").replace('"', '\\"') + self.rng.choice(["", "\\t", "\\u00e0"]) + '"'
        safe = [w for w in WORDS if ":" not in w and "#" not in w and not w[0].isdigit()]
        return " ".join(self.rng.sample(safe, self.rng.randint(1, 3)))

    def key(self, name: str) -> str:
        r = self.rng.random()
        if r < 0.1:
            return f"'{name}'"
        if r < 0.18:
            return f'"{name}"'
        return name

    def block_scalar(self, indent: int) -> list[str]:
        head = self.rng.choice(["|", "|-", ">", ">-", "|+", "|2" if indent == 0 else "|"])
        body = [" " * (indent + 2) + " ".join(self.rng.sample(WORDS, 2)) for _ in range(self.rng.randint(1, 3))]
        if self.rng.random() < 0.3:
            body.insert(1, "")
        return [head + self.comment(0.3)] + body

    def flow(self, depth: int) -> str:
        if self.rng.random() < 0.5 or depth > 1:
            items = [self.scalar() for _ in range(self.rng.randint(0, 3))]
            return "[" + ", ".join(items) + "]"
        pairs = [f"{k}: {self.scalar()}" for k in self.rng.sample(TASK_KEYS, self.rng.randint(1, 3))]
        return "{" + ", ".join(pairs) + "}"

    def multiline_flow(self, indent: int) -> list[str]:
        """A flow sequence over several lines, with comments inside it."""
        lines = ["["]
        for i in range(self.rng.randint(1, 3)):
            lines.append(" " * (indent + 2) + self.scalar() + ("," if i < 3 else "") + self.comment(0.4))
        lines.append(" " * indent + "]")
        return lines

    def value(self, indent: int, depth: int) -> list[str]:
        """The lines of a value placed after 'key:'; the first line continues the key's line."""
        r = self.rng.random()
        if depth < 3 and r < 0.2:
            return [self.comment(0.3)] + self.mapping(indent + self.rng.choice([2, 4]), depth + 1)
        if depth < 3 and r < 0.35:
            seq_indent = indent + self.rng.choice([0, 2, 4])
            return [self.comment(0.3)] + self.sequence(seq_indent, depth + 1)
        if r < 0.45:
            lines = self.block_scalar(indent)
            return [" " + lines[0]] + lines[1:]
        if r < 0.5:
            lines = self.multiline_flow(indent)
            return [" " + lines[0]] + lines[1:]
        if r < 0.6:
            return [" " + self.flow(depth) + self.comment()]
        return [" " + self.scalar() + self.comment()]

    def mapping(self, indent: int, depth: int, keys: list[str] | None = None) -> list[str]:
        keys = keys or self.rng.sample(TASK_KEYS, self.rng.randint(1, 4))
        lines: list[str] = []
        for name in keys:
            lines += self.full_comment(indent)
            value = self.value(indent, depth)
            lines.append(" " * indent + self.key(name) + ":" + value[0])
            lines += value[1:]
        return lines

    def sequence(self, indent: int, depth: int, item_keys: bool = False) -> list[str]:
        lines: list[str] = []
        for _ in range(self.rng.randint(1, 3)):
            lines += self.full_comment(indent)
            r = self.rng.random()
            pad = " " * indent
            if item_keys or r < 0.4:
                keys = ["id"] + self.rng.sample(TASK_KEYS[1:], self.rng.randint(0, 3))
                self.rng.shuffle(keys)
                body = self.mapping(indent + 2, depth + 1, keys)
                while not body[0].strip() or body[0].lstrip().startswith("#"):
                    lines.append(body.pop(0))  # comments above the first key go above the item
                if self.rng.random() < 0.2:  # a bare '-' line, the item below it
                    lines.append(pad + "-" + self.comment(0.3))
                    lines += body
                else:
                    lines.append(pad + "- " + body[0][indent + 2 :])
                    lines += body[1:]
            elif r < 0.55:
                lines.append(pad + "- " + self.flow(depth) + self.comment())
            else:
                lines.append(pad + "- " + self.scalar() + self.comment())
        return lines

    def document(self) -> str:
        lines: list[str] = []
        lines += self.full_comment(0)
        r = self.rng.random()
        if r < 0.05:
            lines.append(self.rng.choice(["%YAML 1.1", "%YAML 1.2", "%TAG !e! tag:example.com,2026:"]))
            self.refused.append("directive")
            lines.append("---" + self.comment(0.5))
        elif r < 0.15:
            lines.append("---" + self.comment(0.5))
        lines += self.full_comment(0)
        lines.append("appendix:" + self.comment())
        lines += self.mapping(2, 1, self.rng.sample(["title", "subtitle", "issuer_text"], self.rng.randint(1, 3)))
        lines += self.full_comment(0)
        lines.append("tasks:" + self.comment())
        lines += self.sequence(self.rng.choice([0, 2, 4]), 1, item_keys=True)
        lines += self.full_comment(0)
        if self.rng.random() < 0.05:
            lines.append("..." + self.comment(0.5))
        if self.rng.random() < 0.2:
            lines.append(self.comment(1.0).strip())
        return "\n".join(lines) + "\n"


def generate(seed: int) -> tuple[str, list[str], list[str]]:
    """(text, comment markers in it, reasons fmt must refuse it)."""
    gen = Gen(random.Random(seed))
    text = gen.document()
    return text, gen.markers, gen.refused
