"""The participants of each meeting and their sides, countries, titles and roles.

`participants_and_sides` runs the stages in order; each stage is a module with one job:

- reports: which other sentences report the lede's meeting ("led by", repeats, own meetings)
- groups: sentences naming the members of a group the lede meets
- leads: the leads, named in the sentences that report the meeting
- members: the members, said to attend, accompany, be present or sign
- place: where the meeting took place, and so its host country
- direction: who receives whom by the lede's verb
- lead_sides / member_sides: the side (host or guest) of leads, then of members
- guest_origin: evidence of where the guests come from
- countries: each participant's country, from all the evidence

`context.Shared` carries the batch's frames and what is built once from them (the lede).
"""

from __future__ import annotations

import polars as pl

from flows.transform.participants.context import shared_inputs
from flows.transform.participants.countries import participant_countries
from flows.transform.participants.direction import verb_direction
from flows.transform.participants.groups import envoys_addressing, group_member_sentences
from flows.transform.participants.guest_origin import guest_country_evidence, listed_guest_countries
from flows.transform.participants.lead_sides import lead_sides, own_verb_sides
from flows.transform.participants.leads import lead_references
from flows.transform.participants.member_sides import member_sides
from flows.transform.participants.members import with_members
from flows.transform.participants.place import meeting_place
from flows.transform.participants.reports import same_meeting_sentences


def participants_and_sides(
    meetings: pl.DataFrame,
    sentences: pl.DataFrame,
    flags: pl.DataFrame,
    refs: pl.DataFrame,
    people: pl.DataFrame,
    t: pl.DataFrame,
    attached: pl.DataFrame,
    home_countries: list[str],
    cues: dict[str, list[str]] | None = None,
    published: pl.DataFrame | None = None,
    asides: pl.DataFrame | None = None,
    headlines: pl.DataFrame | None = None,
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(participants, meeting-level side facts: host_country, location); `published` (article_id,
    published_date) gives the year of dates stated without one; `asides` is `aside_starts` of `t`
    (computed here when not given); `headlines` (article_id, headline) the visit a headline states.
    Participants: one row per participant per meeting (article_id, name); side facts: one row per
    meeting (article_id)."""
    ctx = shared_inputs(
        meetings,
        sentences,
        flags,
        refs,
        people,
        t,
        attached,
        home_countries,
        cues,
        published,
        asides,
        headlines,
    )
    repeats, own_meeting, led, another_day = same_meeting_sentences(ctx)
    group_next, group_including, group_spokesman, diplomat_speaker = group_member_sentences(ctx)
    lead_sids, lead_refs = lead_references(
        ctx,
        repeats,
        own_meeting,
        led,
        group_next,
        group_including,
        group_spokesman,
        diplomat_speaker,
        envoys_addressing(ctx, led),
    )
    parts = with_members(ctx, another_day, lead_sids, lead_refs)
    parts, where = meeting_place(ctx, parts)
    parts, directed = verb_direction(ctx, parts)
    parts = lead_sides(ctx, parts, directed, led)
    parts = member_sides(ctx, parts)
    parts, foreign = guest_country_evidence(ctx, parts, led)
    parts, where = participant_countries(ctx, parts, foreign, where)
    parts = own_verb_sides(parts, ctx.flags, ctx.t, ctx.cues)
    return parts, where


__all__ = ["listed_guest_countries", "participants_and_sides"]
