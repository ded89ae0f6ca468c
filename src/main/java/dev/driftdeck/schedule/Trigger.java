package dev.driftdeck.schedule;

/** Why a run started. */
public enum Trigger { SCHEDULED, MANUAL, STATE_CHANGE }
