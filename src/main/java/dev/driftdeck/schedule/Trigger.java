package dev.driftdeck.schedule;

/**
 * Why a run started. {@code CATCH_UP}: at start, a daily slot was found missed beyond its misfire window with no
 * successful run since, so the job ran once soon after start (anacron-style).
 */
public enum Trigger { SCHEDULED, MANUAL, STATE_CHANGE, CATCH_UP }
