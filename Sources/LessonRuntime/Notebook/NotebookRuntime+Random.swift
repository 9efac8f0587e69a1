extension NotebookRuntime {
    /// The engine's generator (`Sources/Engine/Random`) in Python: the shuffles, dropout's masks, MNIST's splits and drawn weights come from it.
    static let randomSource = #"""
_MASK = (1 << 64) - 1


def _rotl(x, k):
    return ((x << k) | (x >> (64 - k))) & _MASK


class SeededGenerator:
    """The engine's random numbers (Sources/Engine/Random/SeededGenerator.swift): xoshiro256**
    seeded through SplitMix64, a named stream's seed xor-ed with the FNV-1a hash of its name."""

    def __init__(self, seed, stream=None):
        if stream is not None:
            hash_ = 0xCBF29CE484222325
            for byte in stream.encode("utf-8"):
                hash_ = ((hash_ ^ byte) * 0x100000001B3) & _MASK
            seed ^= hash_
        split_mix = seed & _MASK
        self.state = []
        for _ in range(4):
            split_mix = (split_mix + 0x9E3779B97F4A7C15) & _MASK
            z = split_mix
            z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & _MASK
            z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & _MASK
            self.state.append(z ^ (z >> 31))
        self.spare_normal = None

    def next(self):
        """The next 64 random bits."""
        s0, s1, s2, s3 = self.state
        result = (_rotl((s1 * 5) & _MASK, 7) * 9) & _MASK
        t = (s1 << 17) & _MASK
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = _rotl(s3, 45)
        self.state = [s0, s1, s2, s3]
        return result

    def uniform(self, low=0.0, high=1.0):
        """A uniform number in [low, high), from 53 random bits."""
        u = (self.next() >> 11) * 2.0**-53
        return u if (low, high) == (0.0, 1.0) else low + (high - low) * u

    def normal(self, mean=0.0, deviation=1.0):
        """A normal number (Marsaglia's polar method, which keeps the second of each pair)."""
        if self.spare_normal is not None:
            spare, self.spare_normal = self.spare_normal, None
            return mean + deviation * spare
        while True:
            u = 2 * self.uniform() - 1
            v = 2 * self.uniform() - 1
            s = u * u + v * v
            if 0 < s < 1:
                factor = math.sqrt(-2 * math.log(s) / s)
                self.spare_normal = v * factor
                return mean + deviation * u * factor

    def below(self, bound):
        """A uniform whole number in 0..<bound (Lemire's method, without modulo bias)."""
        product = self.next() * bound
        if product & _MASK < bound:
            threshold = ((1 << 64) - bound) % bound
            while product & _MASK < threshold:
                product = self.next() * bound
        return product >> 64

    def permutation(self, count):
        """A random order of 0..<count (Fisher–Yates, from the last place down)."""
        order = list(range(count))
        for index in range(count - 1, 0, -1):
            other = self.below(index + 1)
            order[index], order[other] = order[other], order[index]
        return order
"""#
}
