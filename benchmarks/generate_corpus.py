#!/usr/bin/env python3
"""Generates a benchmark corpus: N pages per language in the six UN languages.

Each page has full front matter, about 450 words in its language, headings,
a list, a table on every fifth page and a link to a sibling page, so that
kbgen and Hugo get the same realistic work. The text is random but seeded:
the same N gives the same corpus.

usage: generate_corpus.py N OUT_DIR
Writes OUT_DIR/content/<lang>/section-K/page-I.md (and _index.md files).
"""
import os
import random
import sys

WORDS = {
    "en": "innovation ecosystem digital transformation policy stakeholders startup funding "
          "entrepreneurship capacity building assessment partnership network region country "
          "programme strategy infrastructure knowledge sharing research university government "
          "investment technology development sustainable growth community mentor accelerator "
          "incubator market talent skills economy service platform data measurement".split(),
    "fr": "innovation écosystème numérique transformation politique acteurs jeune pousse "
          "financement entrepreneuriat renforcement capacités évaluation partenariat réseau "
          "région pays programme stratégie infrastructure connaissances recherche université "
          "gouvernement investissement technologie développement durable croissance communauté "
          "mentor accélérateur incubateur marché talents compétences économie".split(),
    "es": "innovación ecosistema digital transformación política actores emprendimiento "
          "financiación creación capacidad evaluación asociación red región país programa "
          "estrategia infraestructura conocimiento investigación universidad gobierno inversión "
          "tecnología desarrollo sostenible crecimiento comunidad mentor aceleradora "
          "incubadora mercado talento competencias economía".split(),
    "ru": "инновации экосистема цифровая трансформация политика участники стартап "
          "финансирование предпринимательство потенциал оценка партнёрство сеть регион страна "
          "программа стратегия инфраструктура знания исследования университет правительство "
          "инвестиции технологии развитие устойчивый рост сообщество наставник акселератор "
          "инкубатор рынок таланты навыки экономика".split(),
    "ar": "الابتكار النظام الإيكولوجي الرقمي التحول السياسات أصحاب المصلحة الشركات الناشئة "
          "التمويل ريادة الأعمال بناء القدرات التقييم الشراكة الشبكة المنطقة البلد البرنامج "
          "الاستراتيجية البنية التحتية المعرفة البحث الجامعة الحكومة الاستثمار التكنولوجيا "
          "التنمية المستدامة النمو المجتمع الموجّه المسرّعة الحاضنة السوق المواهب المهارات "
          "الاقتصاد".split(),
    "zh": "创新 生态系统 数字 转型 政策 利益攸关方 初创企业 融资 创业 能力建设 评估 伙伴关系 "
          "网络 区域 国家 方案 战略 基础设施 知识 研究 大学 政府 投资 技术 发展 可持续 增长 "
          "社区 导师 加速器 孵化器 市场 人才 技能 经济 服务 平台 数据".split(),
}
REGIONS = ["Africa", "Americas", "Arab States", "Asia and Pacific", "CIS", "Europe"]
TYPES = ["knowledge sharing", "capacity building", "innovation assessment", "project co-creation"]
TAGS = ["innovation ecosystems", "digital transformation", "policy", "entrepreneurship",
        "startups", "funding", "measurement", "partnerships"]
PAGES_PER_SECTION = 100


def sentence(rng, lang, n):
    words = [rng.choice(WORDS[lang]) for _ in range(n)]
    if lang == "zh":
        return "".join(words) + "。"
    s = " ".join(words)
    end = "." if lang != "ar" else "."
    return s[0].upper() + s[1:] + end if lang != "ar" else s + end


def paragraph(rng, lang, sentences=5):
    return " ".join(sentence(rng, lang, rng.randint(8, 16)) for _ in range(sentences))


def page_text(rng, lang, i, section, n_in_section):
    title = sentence(rng, lang, 4).rstrip(".。")
    sibling = (i + 1) % n_in_section
    date = f"20{rng.randint(15, 24)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    tags = rng.sample(TAGS, 2)
    fm = [
        "---",
        f'title: "{title}"',
        f"date: {date}",
        f'summary: "{sentence(rng, lang, 12)}"',
        "tags: [" + ", ".join(f'"{t}"' for t in tags) + "]",
        f'region: "{rng.choice(REGIONS)}"',
        f'type: "{rng.choice(TYPES)}"',
        f"weight: {i + 1}",
        "---",
        "",
    ]
    body = [paragraph(rng, lang), ""]
    for h in range(3):
        body += [f"## {sentence(rng, lang, 3).rstrip('.。')}", "", paragraph(rng, lang), ""]
        body += [f"- {sentence(rng, lang, 6)}" for _ in range(3)] + [""]
    if i % 5 == 0:
        body += ["| a | b | c |", "|---|---|---|"]
        body += [f"| {rng.randint(1, 99)} | {rng.choice(WORDS[lang])} | {rng.randint(1, 99)} |"
                 for _ in range(4)] + [""]
    body += [f"[{sentence(rng, lang, 3).rstrip('.。')}](page-{sibling}.md)", ""]
    return "\n".join(fm + body)


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    n = int(sys.argv[1])
    out = os.path.join(sys.argv[2], "content")
    for lang in ["ar", "en", "es", "fr", "ru", "zh"]:
        rng = random.Random(f"{lang}-{n}")
        sections = max(1, (n + PAGES_PER_SECTION - 1) // PAGES_PER_SECTION)
        made = 0
        for k in range(sections):
            d = os.path.join(out, lang, f"section-{k}")
            os.makedirs(d, exist_ok=True)
            count = min(PAGES_PER_SECTION, n - made)
            with open(os.path.join(d, "_index.md"), "w", encoding="utf-8") as f:
                f.write(f'---\ntitle: "{sentence(rng, lang, 3).rstrip(".。")}"\n---\n\n'
                        f"{paragraph(rng, lang, 2)}\n")
            for i in range(count):
                with open(os.path.join(d, f"page-{i}.md"), "w", encoding="utf-8") as f:
                    f.write(page_text(rng, lang, i, k, count))
            made += count
        with open(os.path.join(out, lang, "_index.md"), "w", encoding="utf-8") as f:
            f.write(f'---\ntitle: "{sentence(rng, lang, 2).rstrip(".。")}"\n---\n\n'
                    f"{paragraph(rng, lang, 3)}\n")


if __name__ == "__main__":
    main()
