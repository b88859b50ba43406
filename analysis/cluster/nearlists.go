package cluster

// nearLists keeps each voxel's near voxels (voxelCursor.near) from the
// core-point pass for the passes after it, so no list is searched twice.
// Joining clusters reads only the voxels after a voxel, labelling border
// points all near voxels but only for voxels with non-core points, so a
// voxel whose points are all core keeps only the later half of its list:
// with int32 voxel numbers that is about 4 to 10 bytes per voxel less.
// Lists are stored per block of voxels, one block per parallel chunk, so
// workers never share a slice.
type nearLists struct {
	size  int       // voxels per block
	lists [][]int32 // per block: its voxels' lists one after another
	end   []int32   // per voxel: where its list ends in its block's
}

// nearBlock is the number of voxels per block.
const nearBlock = 4096

func newNearLists(voxels int) *nearLists {
	return &nearLists{size: nearBlock, lists: make([][]int32, (voxels+nearBlock-1)/nearBlock), end: make([]int32, voxels)}
}

// of is the list of voxel v: if some of its points are not core, v itself
// and then all near voxels; otherwise the near voxels after v.
func (nl *nearLists) of(v int) []int32 {
	lo := int32(0)
	if v%nl.size != 0 {
		lo = nl.end[v-1]
	}
	return nl.lists[v/nl.size][lo:nl.end[v]]
}
