package handlers

import (
	"context"
	"sync"
)

// Jobs runs work that outlives the request that started it (an import), and lets the server wait
// for it at shutdown. Cancelling its context stops the work; an import stopped that way rolls
// back and is marked failed, so it can be run again.
type Jobs struct {
	ctx context.Context
	wg  sync.WaitGroup
}

// NewJobs returns a job group whose work stops when ctx ends.
func NewJobs(ctx context.Context) *Jobs { return &Jobs{ctx: ctx} }

// Go runs fn in the background with the group's context.
func (j *Jobs) Go(fn func(ctx context.Context)) {
	j.wg.Add(1)
	go func() {
		defer j.wg.Done()
		fn(j.ctx)
	}()
}

// Wait returns when every job has finished.
func (j *Jobs) Wait() { j.wg.Wait() }
