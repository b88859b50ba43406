package cluster

import "github.com/htmap/htmap/internal/box3"

// box is an axis-aligned bounding box in the embedded space: a k-d tree
// node's or a voxel's points. Its bounds are exact against dist2 (see
// package box3), which is what lets callers decide whole boxes at once
// yet answer exactly as a pair-by-pair dist2 <= r2 would.
type box = box3.Box
