"""A short Russian journal entry and its English translation, written for the tests (1-1)."""

from __future__ import annotations

PAIRS: list[tuple[str, str]] = [
    (
        "Дневник посла СССР в КНДР А. М. Пузанова за период с 5 по 12 ноября 1957 года.",
        "Journal of USSR Ambassador to the DPRK A. M. Puzanov for the period from 5 to 12 "
        "November 1957.",
    ),
    (
        "5 ноября посетил министра иностранных дел КНДР Нам Ира.",
        "On 5 November I visited DPRK Minister of Foreign Affairs Nam Il.",
    ),
    (
        "Я передал ему текст заявления Советского правительства.",
        "I gave him the text of the statement of the Soviet government.",
    ),
    (
        "Нам Ир поблагодарил и сказал, что доложит об этом Ким Ир Сену.",
        "Nam Il thanked me and said that he would report this to Kim Il Sung.",
    ),
    (
        "Затем он спросил, когда прибудет советская делегация.",
        "Then he asked when the Soviet delegation would arrive.",
    ),
    (
        "Я ответил, что делегация прибудет в Пхеньян 14 ноября.",
        "I answered that the delegation would arrive in Pyongyang on 14 November.",
    ),
    (
        "7 ноября в посольстве состоялся прием по случаю 40-й годовщины Октября.",
        "On 7 November a reception on the occasion of the 40th anniversary of October took "
        "place at the embassy.",
    ),
    (
        "На приеме присутствовали члены Политсовета ЦК ТПК и министры.",
        "Members of the Political Council of the KWP CC and ministers attended the reception.",
    ),
    (
        "Ким Ир Сен произнес тост за дружбу двух народов.",
        "Kim Il Sung proposed a toast to the friendship of the two peoples.",
    ),
    (
        "9 ноября беседовал с заместителем председателя Кабинета министров.",
        "On 9 November I had a conversation with the deputy chairman of the Cabinet of Ministers.",
    ),
    (
        "Он рассказал о ходе строительства заводов в Хамхыне.",
        "He told me about the progress of the construction of factories in Hamhung.",
    ),
    (
        "По его словам, план на 1957 год будет выполнен досрочно.",
        "According to him, the plan for 1957 will be fulfilled ahead of schedule.",
    ),
    (
        "Он просил передать благодарность советским специалистам.",
        "He asked me to convey his gratitude to the Soviet specialists.",
    ),
    ("12 ноября я выехал в Москву.", "On 12 November I left for Moscow."),
]
SRC = [ru for ru, _ in PAIRS]
TGT = [en for _, en in PAIRS]
