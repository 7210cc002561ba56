package notify

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
)

// HTTPGateway sends SMS by a JSON POST to an HTTP gateway:
// {"to": "+39…", "text": "…", "reference": "delivery-N"}, with the token as
// a bearer credential. Any 2xx answer counts as accepted.
type HTTPGateway struct {
	URL    string
	Token  string
	Client *http.Client // nil: http.DefaultClient
}

// SendSMS posts one message to the gateway.
func (g HTTPGateway) SendSMS(ctx context.Context, to, text, reference string) error {
	body, err := json.Marshal(map[string]string{"to": to, "text": text, "reference": reference})
	if err != nil {
		return err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, g.URL, bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	if g.Token != "" {
		req.Header.Set("Authorization", "Bearer "+g.Token)
	}
	c := g.Client
	if c == nil {
		c = http.DefaultClient
	}
	res, err := c.Do(req)
	if err != nil {
		return err
	}
	defer res.Body.Close()
	if res.StatusCode/100 != 2 {
		msg, _ := io.ReadAll(io.LimitReader(res.Body, 200))
		return fmt.Errorf("SMS gateway answered %s: %s", res.Status, bytes.TrimSpace(msg))
	}
	return nil
}
