import { describe, expect, it } from "vitest";
import { clientKey, nextAllowedAt, THROTTLE } from "~/auth/throttle.server";

describe("login throttle policy", () => {
  it("lets the free failures through, then doubles the delay up to the cap", () => {
    const free = THROTTLE.free.account;
    const last = 1_000_000;
    expect(nextAllowedAt(free - 1, last, free)).toBe(0);
    expect(nextAllowedAt(free, last, free)).toBe(last + THROTTLE.firstDelayMs);
    expect(nextAllowedAt(free + 1, last, free)).toBe(last + 2 * THROTTLE.firstDelayMs);
    expect(nextAllowedAt(free + 50, last, free)).toBe(last + THROTTLE.maxDelayMs);
    expect(nextAllowedAt(10_000, last, free)).toBe(last + THROTTLE.maxDelayMs);
  });

  it("counts a client by its IPv4 address or its IPv6 /64", () => {
    expect(clientKey("192.0.2.7")).toBe("192.0.2.7");
    expect(clientKey("::ffff:192.0.2.7")).toBe("192.0.2.7");
    expect(clientKey("2001:db8:1:2::1")).toBe("2001:db8:1:2::/64");
    expect(clientKey("2001:0db8:0001:0002:ffff:0:0:7")).toBe("2001:db8:1:2::/64");
    expect(clientKey("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(clientKey("::1")).toBe("0:0:0:0::/64");
    expect(clientKey(undefined)).toBe("unknown");
    expect(clientKey("not an address")).toBe("unknown");
  });
});
